package cn.shangliang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.routing.Category;
import cn.shangliang.routing.RoutingRules;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RuleBaseLoader;
import cn.shangliang.rules.RuleData;
import cn.shangliang.system.DesignerFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 重点督办遴选 (rules/proposals/key-supervision.drl) on a fixture of class-B proposals. */
class KeySupervisionSelectionTest {
  @TempDir Path rules;

  static RuleBase load(Path folder) {
    ProposalData data = new ProposalData();
    List<RuleData<?>> kinds = new ArrayList<>(RoutingRules.dataKinds());
    kinds.add(data.proposalPolicyData());
    kinds.add(data.replyClassesData());
    return new RuleBaseLoader(kinds, Clock.systemUTC()).load(new DesignerFolder(folder, "rules"));
  }

  static RuleBase real() {
    return load(Path.of("rules"));
  }

  void copyRules() throws IOException {
    Path source = Path.of("rules");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path to = rules.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) Files.createDirectories(to);
        else Files.copy(path, to);
      }
    }
  }

  void setShare(String share) throws IOException {
    Path policy = rules.resolve("proposals/proposal-policy.yaml");
    Files.writeString(policy, Files.readString(policy).replaceFirst("shareOfRest: [0-9.]+", "shareOfRest: " + share));
  }

  static String number(int i) {
    return String.format("2026-%03d", i);
  }

  /** The numbers of the ordinary proposals (not public safety, few people) the rules select. */
  static Set<String> sampled(RuleBase base, int round) {
    Set<String> chosen = new TreeSet<>();
    for (int i = 1; i <= 400; i++) {
      KeySupervisionSelection selection = KeySupervisionSelector.select(base, number(i), round, Category.TRANSPORT, 120);
      if (selection.isSelected()) {
        assertThat(selection.reasons()).extracting(SelectionReason::rule).containsExactly("SAMPLED");
        chosen.add(number(i));
      }
    }
    return chosen;
  }

  @Test
  void publicSafety_isAlwaysSelected_whateverTheSample() {
    RuleBase base = real();
    IntStream.rangeClosed(1, 200).forEach(i -> {
      KeySupervisionSelection selection = KeySupervisionSelector.select(base, number(i), 1, Category.PUBLIC_SAFETY, 10);
      assertThat(selection.isSelected()).isTrue();
      assertThat(selection.reasons()).extracting(SelectionReason::rule).containsExactly("PUBLIC_SAFETY");
      assertThat(selection.reasons().get(0).reason()).contains("公共安全");
    });
  }

  @Test
  void aThousandPeopleOrMore_isAlwaysSelected_nineHundredNinetyNineIsNot() {
    RuleBase base = real();
    Set<String> sampled = sampled(base, 1);
    for (int i = 1; i <= 400; i++) {
      KeySupervisionSelection many = KeySupervisionSelector.select(base, number(i), 1, Category.HOUSING, 1000);
      assertThat(many.reasons()).extracting(SelectionReason::rule).containsExactly("MANY_AFFECTED");
      assertThat(many.reasons().get(0).reason()).contains("影响1000人");
      KeySupervisionSelection fewer = KeySupervisionSelector.select(base, number(i), 1, Category.HOUSING, 999);
      assertThat(fewer.isSelected()).as("999 people: only if sampled").isEqualTo(sampled.contains(number(i)));
    }
    KeySupervisionSelection both = KeySupervisionSelector.select(base, number(1), 1, Category.PUBLIC_SAFETY, 5000);
    assertThat(both.reasons()).extracting(SelectionReason::rule).containsExactly("PUBLIC_SAFETY", "MANY_AFFECTED");
  }

  @Test
  void theRest_isSampledAtTheConfiguredShare_reproducibly() throws IOException {
    RuleBase base = real();
    Set<String> first = sampled(base, 1);
    assertThat(first.size()).as("30 %% of 400").isBetween(95, 145);
    assertThat(sampled(real(), 1)).as("the same proposals, the same round: the same choice").isEqualTo(first);
    Set<String> secondRound = sampled(base, 2);
    assertThat(secondRound).as("another round draws again").isNotEqualTo(first);

    copyRules();
    setShare("0.6");
    Set<String> larger = sampled(load(rules), 1);
    assertThat(larger.size()).isBetween(210, 270);
    assertThat(larger).as("a larger share keeps every proposal a smaller one chose").containsAll(first);
    setShare("0");
    assertThat(sampled(load(rules), 1)).isEmpty();
    setShare("1");
    assertThat(sampled(load(rules), 1)).hasSize(400);
    setShare("1.5");
    assertThatThrownBy(() -> load(rules)).hasMessageContaining("proposals/proposal-policy.yaml")
        .hasMessageContaining("shareOfRest");
  }
}
