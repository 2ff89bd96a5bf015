package io.warden.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates deterministic benchmark inputs: English-like text with embedded PII and secrets, or a wide CSV.
 *
 * <p>Same arguments, same bytes: the seed is fixed, so every run of a benchmark scans the same input.
 * Usage: {@code CorpusGenerator text OUT MEGABYTES} or {@code CorpusGenerator csv OUT ROWS}.
 */
public final class CorpusGenerator {
    private static final String[] WORDS = ("the of and to in is was that for it with as his on be at by this had not are "
            + "but from or have an they which one you were her all she there would their we him been has when who "
            + "will more no if out so said what up its about into than them can only other new some could time these "
            + "two may then do first any my now such like our over man me even most made after also did many before "
            + "must through back years where much your way well down should because each just those people how too "
            + "little state good very make world still own see men work long get here between both life being under "
            + "never day same another know while last might us great old year off come since against go came right "
            + "used take three states himself few house use during without again place american around however home "
            + "small found thought went say part once general high upon school every does got united left number "
            + "course war until always away something fact though water less public put think almost hand enough far "
            + "took head yet government system better set told nothing night end why called didn eyes find going look "
            + "asked later knew point next program city business give group toward young let room president side "
            + "social given present several order national possible rather second face per among form important often "
            + "things looked early white case john become large big need four within felt along children saw best "
            + "church ever least power development light thing seemed family interest want members mind country area "
            + "others done turned although open god service certain kind problem began different door thus help sense "
            + "means whole matter perhaps itself york times law human line above name example action company hands "
            + "local show whether five history gave today either act feet across taken past quite anything seen having "
            + "death week experience body word half really field am car words already themselves information tell "
            + "together college shall money period held keep sure probably free seems real behind cannot miss political "
            + "air question making office brought whose special heard major problems ago became federal study available "
            + "known result street economic boy position reason change south board individual job areas society west "
            + "close turn love community true court force full seem am policy").split(" ");
    private static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "Michael", "Linda", "David",
        "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles",
        "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Sandra", "Mark", "Ashley", "Steven", "Emily"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Lewis"};
    private static final String[] DOMAINS = {"example.com", "mail.example.org", "corp.example.net", "gmail.com",
        "outlook.com", "university.edu"};
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SplittableRandom rnd = new SplittableRandom(20261122L);
    private final StringBuilder sb = new StringBuilder(512);

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CorpusGenerator text OUT MEGABYTES | csv OUT ROWS");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        long n = Long.parseLong(args[2]);
        CorpusGenerator g = new CorpusGenerator();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
            switch (args[0]) {
                case "text" -> g.text(w, n << 20);
                case "csv" -> g.csv(w, n);
                default -> throw new IllegalArgumentException("unknown kind " + args[0]);
            }
        }
    }

    /** Writes at least {@code bytes} of text, one paragraph-like line at a time. */
    void text(Writer w, long bytes) throws IOException {
        long written = 0;
        while (written < bytes) {
            sb.setLength(0);
            int sentences = 1 + rnd.nextInt(3);
            for (int s = 0; s < sentences; s++) sentence();
            sb.setLength(sb.length() - 1);
            sb.append('\n');
            w.append(sb);
            written += sb.length();
        }
    }

    private void sentence() {
        int words = 6 + rnd.nextInt(14);
        int piiAt = rnd.nextInt(4) == 0 ? rnd.nextInt(words) : -1;
        for (int i = 0; i < words; i++) {
            if (i == piiAt) {
                pii();
            } else {
                String word = WORDS[rnd.nextInt(WORDS.length)];
                if (i == 0) sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                else sb.append(word);
            }
            sb.append(i == words - 1 ? ". " : " ");
        }
    }

    private void pii() {
        switch (rnd.nextInt(16)) {
            case 0, 1 -> email();
            case 2, 3 -> phone();
            case 4 -> sb.append(ssn());
            case 5 -> card();
            case 6 -> sb.append(FIRST[rnd.nextInt(FIRST.length)]).append(' ').append(LAST[rnd.nextInt(LAST.length)]);
            case 7 -> sb.append(rnd.nextInt(1, 224)).append('.').append(rnd.nextInt(256)).append('.')
                    .append(rnd.nextInt(256)).append('.').append(rnd.nextInt(1, 255));
            case 8 -> sb.append("https://www.").append(DOMAINS[rnd.nextInt(DOMAINS.length)]).append("/account/")
                    .append(rnd.nextInt(100000));
            case 9 -> sb.append(2000 + rnd.nextInt(25)).append('-').append(two(1 + rnd.nextInt(12))).append('-')
                    .append(two(1 + rnd.nextInt(28)));
            case 10 -> sb.append("AKIA").append(random(B32, 16));
            case 11 -> sb.append("ghp_").append(random(ALNUM, 36));
            case 12 -> iban();
            case 13 -> sb.append("0x").append(random("0123456789abcdef", 40));
            case 14 -> sb.append("password=").append(random(ALNUM, 14));
            default -> sb.append(String.format("%02x:%02x:%02x:%02x:%02x:%02x", rnd.nextInt(256), rnd.nextInt(256),
                    rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
        }
    }

    private void email() {
        sb.append(FIRST[rnd.nextInt(FIRST.length)].toLowerCase()).append('.')
                .append(LAST[rnd.nextInt(LAST.length)].toLowerCase()).append(rnd.nextInt(100)).append('@')
                .append(DOMAINS[rnd.nextInt(DOMAINS.length)]);
    }

    private void phone() {
        int a = rnd.nextInt(201, 990);
        int b = rnd.nextInt(201, 990);
        int c = rnd.nextInt(10000);
        switch (rnd.nextInt(3)) {
            case 0 -> sb.append('(').append(a).append(") ").append(b).append('-').append(four(c));
            case 1 -> sb.append("+1 ").append(a).append(' ').append(b).append(' ').append(four(c));
            default -> sb.append("+44 20 ").append(rnd.nextInt(7000, 8000)).append(' ').append(four(c));
        }
    }

    private String ssn() {
        int area = rnd.nextInt(1, 900);
        if (area == 666) area = 667;
        return String.format("%03d-%02d-%04d", area, rnd.nextInt(1, 100), rnd.nextInt(1, 10000));
    }

    private void card() {
        int[] d = new int[16];
        d[0] = 4;
        for (int i = 1; i < 15; i++) d[i] = rnd.nextInt(10);
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int x = d[14 - i];
            if (i % 2 == 0) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
            sum += x;
        }
        d[15] = (10 - sum % 10) % 10;
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) sb.append(' ');
            sb.append(d[i]);
        }
    }

    private void iban() {
        String bban = random("0123456789", 18);
        // mod-97 check digits per ISO 13616: move "DE00" to the end, letters to numbers (D=13, E=14)
        java.math.BigInteger n = new java.math.BigInteger(bban + "131400");
        int check = 98 - n.mod(java.math.BigInteger.valueOf(97)).intValue();
        sb.append("DE").append(two(check)).append(bban);
    }

    private String random(String alphabet, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
        return new String(c);
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String four(int v) {
        return String.format("%04d", v);
    }

    /** Writes a header and {@code rows} rows of 20 columns: identifiers, contact data, free text, numbers. */
    void csv(Writer w, long rows) throws IOException {
        w.write("id,first_name,last_name,email,phone,ssn,card,iban,ip,signup_date,age,zip,city,country,plan,"
                + "balance,score,status,notes,comment\n");
        String[] cities = {"Springfield", "Riverside", "Franklin", "Greenville", "Bristol", "Clinton", "Madison"};
        String[] plans = {"free", "pro", "team", "enterprise"};
        for (long r = 0; r < rows; r++) {
            sb.setLength(0);
            sb.append(r).append(',').append(FIRST[rnd.nextInt(FIRST.length)]).append(',')
                    .append(LAST[rnd.nextInt(LAST.length)]).append(',');
            email();
            sb.append(',');
            phone();
            sb.append(',').append(ssn()).append(',');
            card();
            sb.append(',');
            iban();
            sb.append(',').append(rnd.nextInt(1, 224)).append('.').append(rnd.nextInt(256)).append('.')
                    .append(rnd.nextInt(256)).append('.').append(rnd.nextInt(1, 255)).append(',')
                    .append(2015 + rnd.nextInt(10)).append('-').append(two(1 + rnd.nextInt(12))).append('-')
                    .append(two(1 + rnd.nextInt(28))).append(',').append(18 + rnd.nextInt(70)).append(',')
                    .append(String.format("%05d", rnd.nextInt(1000, 99999))).append(',')
                    .append(cities[rnd.nextInt(cities.length)]).append(",US,").append(plans[rnd.nextInt(4)])
                    .append(',').append(rnd.nextInt(100000) / 100.0).append(',').append(rnd.nextInt(1000))
                    .append(',').append(rnd.nextBoolean() ? "active" : "closed").append(",\"");
            int mark = sb.length();
            sentence();
            sb.setLength(sb.length() - 1);
            for (int i = mark; i < sb.length(); i++) if (sb.charAt(i) == '"') sb.setCharAt(i, '\'');
            sb.append("\",\"");
            mark = sb.length();
            sentence();
            sb.setLength(sb.length() - 1);
            for (int i = mark; i < sb.length(); i++) if (sb.charAt(i) == '"') sb.setCharAt(i, '\'');
            sb.append("\"\n");
            w.append(sb);
        }
    }
}
