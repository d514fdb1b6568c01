package cn.shangliang.rules;

/** Published after a reload put new rules in force (their checksum differs): what follows a changed rule listens. */
public record RulesReloaded(RuleBase previous, RuleBase next) {}
