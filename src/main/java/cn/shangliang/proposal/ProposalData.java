package cn.shangliang.proposal;

import cn.shangliang.intake.DemandRecordsContributor;
import cn.shangliang.routing.Category;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RuleData;
import cn.shangliang.rules.RuleFiles;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parsers for {@code rules/proposals/proposal-policy.yaml} and {@code reply-classes.yaml}; the proposals a matter's
 * records show.
 */
@Configuration(proxyBeanMethods = false)
class ProposalData {
  static final String POLICY_FILE = "proposals/proposal-policy.yaml";
  static final String CLASSES_FILE = "proposals/reply-classes.yaml";

  record KeySupervisionEntry(Set<Category> publicSafetyCategories, Integer affectedPeopleAtLeast, Double shareOfRest,
      String seed) {}

  record PolicyFile(String replyDue, String reHandlingDue, String evaluationWindow, String followUpAfter,
      Integer maxHandlingRounds, KeySupervisionEntry keySupervision) {}

  record ClassEntry(String code, String label, Boolean followUp) {}

  record ClassesFile(String scheme, List<ClassEntry> classes) {}

  @Bean
  RuleData<ProposalPolicy> proposalPolicyData() {
    return new RuleData<>() {
      @Override
      public Class<ProposalPolicy> type() {
        return ProposalPolicy.class;
      }

      @Override
      public boolean accepts(String path) {
        return path.equals(POLICY_FILE);
      }

      @Override
      public ProposalPolicy parse(Map<String, byte[]> files, RuleBase.Partial partial) {
        PolicyFile file = RuleFiles.yaml(files, POLICY_FILE, PolicyFile.class);
        List<String> problems = new ArrayList<>();
        Period replyDue = period(file.replyDue(), "replyDue", problems);
        Period reHandlingDue = period(file.reHandlingDue(), "reHandlingDue", problems);
        Period evaluationWindow = period(file.evaluationWindow(), "evaluationWindow", problems);
        Period followUpAfter = period(file.followUpAfter(), "followUpAfter", problems);
        if (file.maxHandlingRounds() == null || file.maxHandlingRounds() < 1 || file.maxHandlingRounds() > 5) {
          problems.add("maxHandlingRounds must be 1 to 5");
        }
        KeySupervisionEntry key = file.keySupervision();
        if (key == null) {
          problems.add("keySupervision is missing");
        } else {
          if (key.publicSafetyCategories() == null) problems.add("keySupervision.publicSafetyCategories is missing");
          if (key.affectedPeopleAtLeast() == null || key.affectedPeopleAtLeast() < 1) {
            problems.add("keySupervision.affectedPeopleAtLeast must be a positive number");
          }
          if (key.shareOfRest() == null || key.shareOfRest() < 0 || key.shareOfRest() > 1) {
            problems.add("keySupervision.shareOfRest must be between 0 and 1");
          }
          if (key.seed() == null || key.seed().isBlank()) problems.add("keySupervision.seed is missing");
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(POLICY_FILE + ": " + String.join("; ", problems));
        return new ProposalPolicy(replyDue, reHandlingDue, evaluationWindow, followUpAfter, file.maxHandlingRounds(),
            new KeySupervisionPolicy(key.publicSafetyCategories(), key.affectedPeopleAtLeast(), key.shareOfRest(), key.seed()));
      }
    };
  }

  private static Period period(String text, String name, List<String> problems) {
    if (text == null) {
      problems.add(name + " is missing");
      return null;
    }
    try {
      Period period = Period.parse(text);
      if (period.isNegative() || period.isZero()) problems.add(name + " must be a positive period such as P3M");
      return period;
    } catch (DateTimeParseException e) {
      problems.add(name + ": '" + text + "' is not a period such as P3M or P15D");
      return null;
    }
  }

  @Bean
  RuleData<ReplyClassScheme> replyClassesData() {
    return new RuleData<>() {
      @Override
      public Class<ReplyClassScheme> type() {
        return ReplyClassScheme.class;
      }

      @Override
      public boolean accepts(String path) {
        return path.equals(CLASSES_FILE);
      }

      @Override
      public ReplyClassScheme parse(Map<String, byte[]> files, RuleBase.Partial partial) {
        ClassesFile file = RuleFiles.yaml(files, CLASSES_FILE, ClassesFile.class);
        List<String> problems = new ArrayList<>();
        if (file.scheme() == null || file.scheme().isBlank()) problems.add("scheme needs a name");
        List<ReplyClassScheme.ReplyClass> classes = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (ClassEntry entry : file.classes() == null ? List.<ClassEntry>of() : file.classes()) {
          if (entry.code() == null || !entry.code().matches("[A-Z]{1,2}")) {
            problems.add("bad class code '" + entry.code() + "' (one or two capital letters)");
          } else if (!codes.add(entry.code())) {
            problems.add("class " + entry.code() + " listed twice");
          }
          if (entry.label() == null || entry.label().isBlank()) problems.add("class " + entry.code() + " needs a label");
          classes.add(new ReplyClassScheme.ReplyClass(entry.code(), entry.label(), Boolean.TRUE.equals(entry.followUp())));
        }
        if (classes.size() < 2) problems.add("a scheme needs at least two classes");
        if (classes.stream().allMatch(ReplyClassScheme.ReplyClass::followUp)) {
          problems.add("at least one class must end the follow-up (followUp: false)");
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(CLASSES_FILE + ": " + String.join("; ", problems));
        return new ReplyClassScheme(file.scheme(), classes);
      }
    };
  }

  @Bean
  DemandRecordsContributor proposalsContributor(ProposalQueries queries) {
    return DemandRecordsContributor.of("proposals", queries::ofMatter);
  }
}
