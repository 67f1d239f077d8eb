package dev.klingbot.core.instruction;

/** The language an instruction was written in; it picks the default prompt templates. */
public enum Language {
  ENGLISH,
  CHINESE
}
