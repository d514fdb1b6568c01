package cn.shangliang.routing;

/** A routing rule whose condition holds, with the route it asks for and why, in words a clerk understands. */
public record RuleHeld(String rule, Route route, String message) {}
