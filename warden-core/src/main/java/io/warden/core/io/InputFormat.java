package io.warden.core.io;

/** The dataset formats Warden reads. Gzip compression of any of them is detected from the magic bytes. */
public enum InputFormat {
    /** RFC 4180 CSV; delimiter detected ({@code , ; TAB |}) unless given. */
    CSV,
    /** One JSON object per line; nested fields are flattened to dotted paths. */
    JSONL,
    /** Apache Parquet, read without Hadoop. */
    PARQUET,
    /** Plain text: one record per line, or the whole file as one record. */
    TEXT
}
