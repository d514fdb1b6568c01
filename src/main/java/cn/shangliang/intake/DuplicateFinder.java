package cn.shangliang.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * 并单候选: earlier open demands of the same village and category within 90 days whose text is similar
 * (Dice coefficient over character bigrams of title and description, which suits Chinese text without
 * word segmentation).
 */
@Component
class DuplicateFinder {
  static final Duration WINDOW = Duration.ofDays(90);
  static final double THRESHOLD = 0.3;
  private static final int LOOK_AT = 200;

  record Candidate(Long id, String trackingCode, String title, double similarity) {}

  private final DemandRepository demands;

  DuplicateFinder(DemandRepository demands) {
    this.demands = demands;
  }

  List<Candidate> candidatesFor(Demand demand) {
    List<Candidate> found = new ArrayList<>();
    Set<String> text = bigrams(demand.getTitle() + " " + demand.getDescription());
    for (DemandRepository.MergeCandidateText earlier : demands.findOpenSamePlaceAndCategory(demand.getTownship(), demand.getVillage(),
        demand.getCategory(), demand.getCreatedAt().minus(WINDOW), demand.getId(), PageRequest.of(0, LOOK_AT))) {
      if (!earlier.getCreatedAt().isBefore(demand.getCreatedAt()) && earlier.getId() > demand.getId()) continue;
      double similarity = similarity(text, bigrams(earlier.getTitle() + " " + earlier.getDescription()));
      if (similarity >= THRESHOLD) {
        found.add(new Candidate(earlier.getId(), earlier.getTrackingCode(), earlier.getTitle(), Math.round(similarity * 100) / 100.0));
      }
    }
    found.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
    return found.size() > 10 ? found.subList(0, 10) : found;
  }

  static double similarity(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    return 2.0 * common.size() / (a.size() + b.size());
  }

  static Set<String> bigrams(String text) {
    String normalized = text.toLowerCase().replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+", "");
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 2 <= normalized.length(); i++) {
      grams.add(normalized.substring(i, i + 2));
    }
    return grams;
  }
}
