package de.amtsflow.letters;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the letters ({@code amtsflow.letters.*}).
 *
 * @param templateDir a folder whose templates take precedence over the built-in ones of the same
 *     name ({@code classpath:letters/}): a process owner edits the wording and layout of a letter
 *     there without a rebuild (empty: the built-in templates only)
 * @param letterhead the sending authority as the letterhead, the contact block and the footer name
 *     it
 */
@ConfigurationProperties("amtsflow.letters")
public record LettersProperties(String templateDir, Letterhead letterhead) {

  public LettersProperties {
    templateDir = templateDir == null || templateDir.isBlank() ? null : templateDir.strip();
    letterhead = letterhead == null ? Letterhead.EMPTY : letterhead;
  }
}
