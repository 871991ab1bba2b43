package de.amtsflow.letters;

/** The demo authority of the tests (as the dev profile configures it). */
public final class Letterheads {

  public static final Letterhead DEMO =
      new Letterhead(
          "Landratsamt Musterkreis",
          "Untere Bauaufsichtsbehörde",
          "Am Schlossplatz 1",
          "93047",
          "Regensburg",
          "0941 123456-0",
          "bauamt@lra-musterkreis.test",
          "www.lra-musterkreis.test",
          "Mo–Fr 8–12 Uhr",
          "Sparkasse Musterkreis",
          "DE02 1203 0000 0000 2020 51",
          "BYLADEM1001");

  private Letterheads() {}
}
