package de.amtsflow.letters;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and amounts as German letters and forms write them: "04.07.2016", "12.829.687,50". */
public final class GermanFormats {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  // DecimalFormat is not thread-safe
  private static final ThreadLocal<DecimalFormat> AMOUNT =
      ThreadLocal.withInitial(
          () -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY)));

  private GermanFormats() {}

  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public static String amount(BigDecimal amount) {
    return amount == null ? "" : AMOUNT.get().format(amount);
  }
}
