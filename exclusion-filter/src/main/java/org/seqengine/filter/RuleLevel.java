package org.seqengine.filter;

/** Whom a matching rule excludes: the person, or every person at the person's company domain. */
public enum RuleLevel { PERSON, COMPANY }
