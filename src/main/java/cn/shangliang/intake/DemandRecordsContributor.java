package cn.shangliang.intake;

import java.util.function.LongFunction;

/**
 * A module that keeps records of a demand's steps (investigations, meetings, replies…) shows them in
 * the staff view of {@code GET /api/demands/{id}} under {@link #name()}, without intake knowing them.
 */
public interface DemandRecordsContributor {
  String name();

  Object recordsOf(long demandId);

  static DemandRecordsContributor of(String name, LongFunction<Object> records) {
    return new DemandRecordsContributor() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Object recordsOf(long demandId) {
        return records.apply(demandId);
      }
    };
  }
}
