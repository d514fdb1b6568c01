package cn.shangliang.system;

/** The id generator shared by record entities: blocks of 50 from {@code sl_sequence} row 'record'. */
public final class RecordIds {
  public static final String GENERATOR = "record_ids";
  public static final String TABLE = "sl_sequence";
  public static final String ROW = "record";

  private RecordIds() {}
}
