package io.warden.detect.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates {@code examples/eval/dev-corpus.json}, the labelled development corpus: sentence templates filled
 * with fake values, labelled exactly while the text is built.
 *
 * <p>Deterministic: a fixed seed drives one {@link java.util.Random} that Datafaker and {@link FakeValues} share,
 * so the same Datafaker and libphonenumber versions always give the same bytes ({@code DevCorpusTest} checks
 * this). Templates are used round-robin in a shuffled order so each is used about equally often.
 *
 * <p>Run: {@code java -cp <test classpath> io.warden.detect.eval.DevCorpusGenerator [out.json]}, or
 * {@code mvn -pl warden-detect test -Dtest=DevCorpusTest -Dwarden.regenerateCorpus=true}.
 */
public final class DevCorpusGenerator {
    static final long SEED = 20_250_611L;
    static final int RECORDS = 2000;
    static final Path DEFAULT_OUTPUT = Path.of("examples", "eval", "dev-corpus.json");

    private static final List<String> CITIES = List.of("New York", "Los Angeles", "Chicago", "Houston", "Phoenix",
            "Philadelphia", "San Antonio", "San Diego", "Dallas", "Austin", "Seattle", "Denver", "Boston", "Atlanta",
            "Miami", "Portland", "Detroit", "Nashville", "Baltimore", "Minneapolis", "London", "Manchester",
            "Birmingham", "Glasgow", "Edinburgh", "Dublin", "Paris", "Lyon", "Berlin", "Munich", "Hamburg", "Madrid",
            "Barcelona", "Rome", "Milan", "Amsterdam", "Brussels", "Vienna", "Zurich", "Stockholm", "Oslo",
            "Copenhagen", "Warsaw", "Prague", "Lisbon", "Toronto", "Vancouver", "Montreal", "Sydney", "Melbourne",
            "Auckland", "Tokyo", "Singapore", "Mumbai", "Bangalore", "São Paulo", "Mexico City", "Cape Town",
            "Nairobi", "Lagos");
    private static final List<String> UK_CITIES = List.of("London", "Manchester", "Leeds", "Bristol", "Glasgow",
            "Edinburgh", "Cardiff", "Birmingham");
    private static final List<String> NATIONALITIES = List.of("American", "British", "Canadian", "Mexican",
            "Brazilian", "German", "French", "Italian", "Spanish", "Polish", "Irish", "Indian", "Chinese", "Japanese",
            "Korean", "Nigerian", "Kenyan", "Egyptian", "Australian", "Dutch", "Swedish", "Turkish", "Vietnamese",
            "Filipino", "Portuguese", "Greek");
    private static final List<String> RELIGIONS = List.of("Catholic", "Muslim", "Jewish", "Hindu", "Buddhist",
            "Protestant", "Sikh");
    private static final List<String> TITLES = List.of("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Ms", "Dr");
    private static final List<String> INTL_FIRST = List.of("José", "Zoë", "Renée", "Björn", "Łukasz", "Siobhán",
            "Søren", "Chloé", "Jürgen", "Małgorzata", "Dmitrij", "Aoife");
    private static final List<String> INTL_LAST = List.of("García", "Müller", "Nowak", "Øvergaard", "Dvořák",
            "Pérez", "Sørensen", "Kovač", "Đorđević", "Fernández", "Schäfer", "Nguyễn");
    private static final List<String> UNITS = List.of("Apt 4B", "Apt. 12", "Suite 300", "Unit 7", "Floor 2",
            "#210");

    /** A sentence template: {@code {{key}}} slots are filled with fake values (see {@link Slots#value}). */
    record Template(String category, String text) {}

    static final List<Template> TEMPLATES = List.of(
            // e-mails
            new Template("email", "From: {{name}} <{{email}}>\nTo: {{email2}}\nDate: {{datetime}}\n"
                    + "Subject: Updated contact details\n\nHi {{first2}},\nplease note my new number {{phone}} and my "
                    + "new address: {{address}}.\nBest,\n{{first}}"),
            new Template("email", "Dear {{title}} {{last}},\n\nThank you for your application to {{company}}. We would "
                    + "like to invite you to an interview on {{date}} at our office in {{city}}. Please confirm by "
                    + "replying to {{email2}}.\n\nKind regards,\n{{name2}}\nRecruiting team"),
            new Template("email", "Hi {{first}},\n\nyour order {{order}} has shipped to {{address}}. The total of "
                    + "{{price}} was charged to the card ending in {{cardtail}}.\nQuestions? Call us at {{phone}}.\n"),
            new Template("email", "Hello {{first}}, this is a reminder that your subscription renews on {{date}}. "
                    + "Manage it at {{url}} or reply to this email."),
            new Template("email", "{{name}} wrote:\n> Can you send the wire to IBAN {{iban}} by {{date}}?\n"
                    + "Sure, I will ask {{name2}} from accounting."),
            new Template("email", "Subject: Password reset\n\nHi {{first}}, someone requested a password reset for "
                    + "{{email}} from IP address {{ip}}. If this was not you, contact {{email2}}."),
            new Template("email", "Hi all, {{name}} ({{email}}) joins {{company}} on {{date}} ({{job}}). Please "
                    + "set up a laptop and a badge; the desk phone will be {{phone}}."),
            new Template("email", "Please update the payroll record for {{name}}: new IBAN {{iban}}, SSN {{ssn}}, "
                    + "effective {{date}}."),
            // support tickets
            new Template("ticket", "Ticket {{ticket}} | Customer: {{name}} | Phone: {{phone}} | Issue: card {{card}} "
                    + "was declined twice at checkout."),
            new Template("ticket", "[{{datetime}}] support: user {{email}} reports login failures from {{ip}}; "
                    + "account locked after 5 attempts."),
            new Template("ticket", "Customer {{name}} called about invoice {{invoice}}. Verified identity with DOB "
                    + "{{dob}} and ZIP code {{zip}}. Refund of {{price}} approved."),
            new Template("ticket", "Chat transcript {{ticket}}\nAgent: Hi, how can I help?\nCustomer: my name is "
                    + "{{name}} and I can't log in.\nAgent: Can you confirm your social security number?\n"
                    + "Customer: sure, it's {{ssn}}"),
            new Template("ticket", "Case {{ticket}}: {{name}} from {{company}} asks us to delete all personal data "
                    + "we hold. Contact: {{email}}, {{phone_intl}}."),
            new Template("ticket", "Escalation: the parcel sent to {{address}} came back. {{name}} asked us to use "
                    + "{{street2}} instead."),
            new Template("ticket", "Refund request {{ticket}} - customer paid with card {{card}} on {{date}}, "
                    + "amount {{price}}. Card holder: {{name}}."),
            new Template("ticket", "Device {{mac}} at {{ip}} keeps dropping off the network, reported by {{name}} "
                    + "({{phone}})."),
            // medical notes
            new Template("medical", "Patient: {{name}}\nDOB: {{dob}}\nNHS number: {{nhs}}\nSeen on {{date}} by "
                    + "{{title2}} {{name2}}. {{age}}-year-old presenting with a persistent cough."),
            new Template("medical", "{{title}} {{last}} reviewed the patient ({{name2}}, {{age}} years old) on "
                    + "{{date}}. Follow-up in 6 weeks."),
            new Template("medical", "Discharge summary for {{name}}, aged {{age}}, of {{address}}. GP: {{title2}} "
                    + "{{name2}}, phone {{phone}}."),
            new Template("medical", "NHS No. {{nhs}} - {{name}} - penicillin allergy recorded on {{date}}."),
            new Template("medical", "Referral: {{name}} (DOB {{dob}}, NHS {{nhs}}) to cardiology. Next of kin: "
                    + "{{name2}}, {{phone_intl}}."),
            new Template("medical", "Intake form - Name: {{name}}; Age: {{age}}; Member ID: {{policy}}; Emergency "
                    + "contact: {{name2}}, {{phone}}."),
            new Template("medical", "Patient is {{nrp}}, {{age}} years old, lives in {{city}}; symptoms since "
                    + "{{date}}."),
            new Template("medical", "Vaccination record: {{name}}, born {{dob}}, second dose given on {{date}} in "
                    + "{{city}}."),
            // chat logs
            new Template("chat", "[{{time}}] {{first}}: hey 👋 are we still on for {{date}}?\n[{{time2}}] "
                    + "{{first2}}: yes! meet at {{street}} 😀\n[{{time3}}] {{first}}: 👍"),
            new Template("chat", "{{first}}: can u send me ur number\n{{first2}}: sure it's {{phone}} 📱\n"
                    + "{{first}}: thx 🙏"),
            new Template("chat", "{{first}} 🎉: just moved to {{city}}, {{country}}!! new address is {{address}}"),
            new Template("chat", "<{{first}}> the deploy key leaked lol: {{aws_key}}\n<{{first2}}> rotate it NOW 🔥"),
            new Template("chat", "{{first}}: my btc address is {{btc}} if anyone wants to pay me back 💸\n"
                    + "{{first2}}: sent!"),
            new Template("chat", "{{first}}: use my eth wallet {{eth}} for the refund, thanks 🙂"),
            // CSV-like lines
            new Template("csv", "name,email,phone,city,zip\n{{name}},{{email}},{{phone}},{{city}},{{zip}}"),
            new Template("csv", "id,full_name,ssn,dob\n{{rowid}},{{name}},{{ssn}},{{dob}}"),
            new Template("csv", "{{rowid}};{{name}};{{iban}};{{price}}"),
            new Template("csv", "user_id\temail\tlast_login_ip\n{{rowid}}\t{{email}}\t{{ip}}"),
            new Template("csv", "\"{{name}}\",\"{{company}}\",\"{{phone_intl}}\""),
            new Template("csv", "timestamp,src_ip,dst_ip,mac\n{{datetime}},{{ip}},{{ip2}},{{mac}}"),
            // code and configuration with keys
            new Template("code", "[default]\naws_access_key_id = {{aws_key}}\naws_secret_access_key = {{aws_secret}}\n"
                    + "region = us-east-1"),
            new Template("code", "export GITHUB_TOKEN={{gh_token}}\ngit push {{git_url}} main"),
            new Template("code", "const stripe = require('stripe')('{{stripe}}');"),
            new Template("code", "SLACK_BOT_TOKEN: \"{{slack}}\"\nSLACK_CHANNEL: \"#alerts\""),
            new Template("code", "db:\n  host: {{ip}}\n  user: admin\n  password: {{password}}\n  port: 5432"),
            new Template("code", "curl -H \"Authorization: Bearer {{jwt}}\" {{api_url}}"),
            new Template("code", "# settings.py\nGOOGLE_MAPS_API_KEY = \"{{google_key}}\"\nDEBUG = False"),
            new Template("code", "deploy key for the build server:\n{{pem}}\n"),
            new Template("code", "gitlab:\n  token: {{gitlab}}\n  url: {{url}}"),
            new Template("code", "requests.post(\"{{api_url}}\", json={\"email\": \"{{email}}\", \"api_key\": "
                    + "\"{{generic_key}}\"})"),
            new Template("log", "{{datetime}} INFO auth: login ok user={{email}} ip={{ipv6addr}} session={{uuid}}"),
            new Template("log", "{{datetime}} WARN payment: card={{card}} declined (code 05) for customer "
                    + "{{rowid}}"),
            // HR and finance
            new Template("hr", "Employee {{name}}, SSN {{ssn}}, start date {{date}}, salary {{salary}} per year, "
                    + "reports to {{name2}}."),
            new Template("hr", "W-9 on file for {{name}} (ITIN {{itin}}), {{address}}."),
            new Template("finance", "Wire transfer: beneficiary {{name}}, IBAN {{iban}}, reference {{invoice}}, "
                    + "amount {{price}}."),
            new Template("finance", "Expense report {{invoice}}: {{name}} charged {{price}} to the corporate card "
                    + "{{card}} at {{company}} on {{date}}."),
            new Template("hr", "Background check for {{name}}: driver's license {{dl}}, passport {{passport}}, "
                    + "verified on {{date}}."),
            new Template("finance", "Tax form: {{name}}, SSN: {{ssn}}, age {{age}}, resident of {{state}}."),
            // travel and misc
            new Template("travel", "Booking confirmed for {{title}} {{name}}, passport number {{passport}}, flight "
                    + "on {{date}} from {{city}} to {{city2}}."),
            new Template("misc", "Visitor log: {{name}} from {{company}} signed in at {{time}} on {{date}}, badge "
                    + "{{ticket}}."),
            new Template("misc", "Delivery to {{address}} attempted {{datetime}}; recipient {{name}} not home. "
                    + "Call {{phone}} to reschedule."),
            new Template("misc", "Our new office is at {{address}}. Visit {{url}} or email {{email}} for "
                    + "directions."),
            new Template("misc", "Donate crypto: BTC {{btc}} / ETH {{eth}}. Questions? {{email}}"),
            new Template("misc", "Server {{domain}} ({{ip}}, {{ipv6addr}}) hosts the staging API; admin contact "
                    + "{{name}}."),
            new Template("misc", "{{name}} is a {{nationality}} citizen living in {{city}}, {{country}}, and works "
                    + "at {{company}}."),
            new Template("misc", "Reminder: {{first}} turns {{age}} on {{date}}; the party is at {{street}}."));

    private DevCorpusGenerator() {}

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        Files.write(out, generate());
        System.out.println("wrote " + RECORDS + " records to " + out);
    }

    /** The corpus file's bytes: a JSON list with one record per line. */
    static byte[] generate() {
        FakeValues fake = new FakeValues(SEED);
        List<Integer> order = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        JsonFactory factory = JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
        try (JsonGenerator json = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            json.writeRaw("[\n");
            for (int i = 0; i < RECORDS; i++) {
                if (order.isEmpty()) {
                    for (int t = 0; t < TEMPLATES.size(); t++) order.add(t);
                    Collections.shuffle(order, fake.random);
                }
                int id = order.remove(order.size() - 1);
                LabeledText text = new Slots(fake).fill(TEMPLATES.get(id).text());
                if (i > 0) json.writeRaw(",\n");
                writeRecord(json, text, id);
            }
            json.writeRaw("\n]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void writeRecord(JsonGenerator json, LabeledText text, int templateId) throws IOException {
        json.writeStartObject();
        json.writeStringField("full_text", text.text());
        json.writeArrayFieldStart("spans");
        for (LabeledText.Label l : text.labels()) {
            json.writeStartObject();
            json.writeStringField("entity_type", l.entity());
            json.writeStringField("entity_value", l.value());
            json.writeNumberField("start_position", l.start());
            json.writeNumberField("end_position", l.end());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("template_id", templateId);
        json.writeEndObject();
        json.flush();
    }

    /** Fills one template; repeated slots ({@code {{first}}} twice) get the same value within a record. */
    private static final class Slots {
        private final FakeValues fake;
        private final Map<String, Value> values = new HashMap<>();
        private final Map<Integer, Persona> personas = new HashMap<>();

        Slots(FakeValues fake) {
            this.fake = fake;
        }

        LabeledText fill(String template) {
            LabeledText out = new LabeledText();
            int at = 0;
            while (true) {
                int open = template.indexOf("{{", at);
                if (open < 0) break;
                int close = template.indexOf("}}", open);
                out.add(template.substring(at, open));
                String key = template.substring(open + 2, close);
                Value v = values.get(key);
                if (v == null) {
                    v = value(key);
                    values.put(key, v);
                }
                out.add(v.entity, v.text);
                at = close + 2;
            }
            return out.add(template.substring(at));
        }

        private Persona persona(int n) {
            Persona p = personas.get(n);
            if (p == null) {
                boolean intl = fake.chance(0.1);
                String first = intl ? fake.pick(INTL_FIRST) : fake.faker.name().firstName();
                String last = intl ? fake.pick(INTL_LAST) : fake.faker.name().lastName();
                p = new Persona(first, last, fake.pick(TITLES));
                personas.put(n, p);
            }
            return p;
        }

        /** The value of a slot: {@code name}, {@code name2}, ... differ by the persona or value index. */
        private Value value(String key) {
            int digitsAt = key.length();
            while (digitsAt > 0 && Character.isDigit(key.charAt(digitsAt - 1))) digitsAt--;
            String base = key.substring(0, digitsAt);
            int n = digitsAt == key.length() ? 1 : Integer.parseInt(key.substring(digitsAt));
            return switch (base) {
                case "first" -> new Value("PERSON", persona(n).first);
                case "last" -> new Value("PERSON", persona(n).last);
                case "name" -> new Value("PERSON", persona(n).first + " " + persona(n).last);
                case "title" -> new Value("TITLE", persona(n).title);
                case "email" -> new Value("EMAIL_ADDRESS", fake.email(persona(n).first, persona(n).last));
                case "phone" -> new Value("PHONE_NUMBER", fake.usPhone());
                case "phone_intl" -> new Value("PHONE_NUMBER", fake.internationalPhone());
                case "street" -> new Value("LOCATION", street());
                case "address" -> new Value("LOCATION", address());
                case "city" -> new Value("LOCATION", fake.pick(CITIES));
                case "state" -> new Value("LOCATION", fake.faker.address().state());
                case "country" -> new Value("LOCATION", fake.faker.country().name());
                case "zip" -> new Value("ZIP_CODE", fake.zip());
                case "company" -> new Value("ORGANIZATION", company());
                case "nrp" -> new Value("NRP", fake.pick(fake.chance(0.6) ? NATIONALITIES : RELIGIONS));
                case "nationality" -> new Value("NRP", fake.pick(NATIONALITIES));
                case "card" -> new Value("CREDIT_CARD", fake.creditCard());
                case "iban" -> new Value("IBAN_CODE", fake.iban());
                case "ssn" -> new Value("US_SSN", fake.ssn());
                case "itin" -> new Value("US_ITIN", fake.itin());
                case "passport" -> new Value("US_PASSPORT", fake.usPassport());
                case "dl" -> new Value("US_DRIVER_LICENSE", fake.usDriverLicense());
                case "nhs" -> new Value("UK_NHS", fake.nhs());
                case "ip" -> new Value("IP_ADDRESS", fake.ipv4());
                case "ipv6addr" -> new Value("IP_ADDRESS", fake.ipv6());
                case "mac" -> new Value("MAC_ADDRESS", fake.mac());
                case "url" -> new Value("URL", fake.url());
                case "api_url" -> new Value("URL", fake.apiUrl());
                case "git_url" -> new Value("URL", fake.gitUrl(fake.username(persona(n).first, persona(n).last)));
                case "domain" -> new Value("DOMAIN_NAME", fake.domain());
                case "date" -> new Value("DATE_TIME", fake.formatDate(fake.date(2019, 2026)));
                case "dob" -> new Value("DATE_TIME", fake.formatDate(fake.date(1940, 2006)));
                case "datetime" -> new Value("DATE_TIME", fake.dateTime());
                case "time" -> new Value("DATE_TIME", fake.time());
                case "age" -> new Value("AGE", Integer.toString(fake.between(18, 96)));
                case "btc" -> new Value("CRYPTO", fake.bitcoin());
                case "eth" -> new Value("CRYPTO", fake.ethereum());
                case "aws_key" -> new Value("SECRET_AWS_ACCESS_KEY", fake.awsAccessKeyId());
                case "aws_secret" -> new Value("SECRET_AWS_SECRET_KEY", fake.awsSecretKey());
                case "gh_token" -> new Value("SECRET_GITHUB_TOKEN", fake.githubToken());
                case "gitlab" -> new Value("SECRET_GITLAB_TOKEN", fake.gitlabToken());
                case "slack" -> new Value("SECRET_SLACK_TOKEN", fake.slackToken());
                case "stripe" -> new Value("SECRET_STRIPE_KEY", fake.stripeKey());
                case "google_key" -> new Value("SECRET_GOOGLE_API_KEY", fake.googleApiKey());
                case "jwt" -> new Value("SECRET_JWT", fake.jwt(persona(n).first + " " + persona(n).last));
                case "pem" -> new Value("SECRET_PRIVATE_KEY", fake.pemPrivateKey());
                case "password" -> new Value("SECRET_GENERIC", fake.password());
                case "generic_key" -> new Value("SECRET_GENERIC", fake.genericApiKey());
                // unlabelled look-alikes: numbers and ids that are not personal data
                case "ticket" -> new Value(null, "#" + fake.between(10_000, 999_999));
                case "order" -> new Value(null, "ORD-" + fake.between(2019, 2025) + "-" + fake.digits(6));
                case "invoice" -> new Value(null, "INV-" + fake.digits(6));
                case "price" -> new Value(null, price());
                case "salary" -> new Value(null, "$" + fake.between(38, 240) + ",000");
                case "cardtail" -> new Value(null, fake.digits(4));
                case "rowid" -> new Value(null, Integer.toString(fake.between(1, 250_000)));
                case "policy" -> new Value(null, "PLN-" + fake.digits(4) + "-" + fake.digits(3));
                case "uuid" -> new Value(null, new java.util.UUID(fake.random.nextLong(), fake.random.nextLong())
                        .toString());
                case "job" -> new Value(null, fake.faker.company().profession());
                default -> throw new IllegalArgumentException("unknown slot " + key);
            };
        }

        private String street() {
            String s = fake.between(1, 9999) + " " + fake.faker.address().streetName();
            return fake.chance(0.25) ? s + ", " + fake.pick(UNITS) : s;
        }

        private String address() {
            if (fake.chance(0.3)) {
                return fake.between(1, 250) + " " + fake.faker.address().streetName() + ", " + fake.pick(UK_CITIES)
                        + " " + fake.ukPostcode();
            }
            return street() + ", " + fake.pick(CITIES.subList(0, 20)) + ", " + fake.faker.address().stateAbbr() + " "
                    + String.format(java.util.Locale.ROOT, "%05d", fake.between(1001, 99950));
        }

        private String company() {
            String name = fake.faker.company().name();
            if (fake.chance(0.4) && !name.matches(".*(Inc|LLC|Group|Ltd|and Sons)$")) {
                name += fake.pick(List.of(" Inc", " LLC", " Ltd", " Corp", " GmbH"));
            }
            return name;
        }

        private String price() {
            int whole = fake.between(5, 4999);
            String s = fake.chance(0.5) ? String.format(java.util.Locale.ROOT, "%,d", whole) : Integer.toString(whole);
            return fake.pick(List.of("$", "€", "£")) + s + "." + fake.digits(2);
        }
    }

    private record Persona(String first, String last, String title) {}

    private record Value(String entity, String text) {}
}
