package de.amtsflow.invoice;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the invoice module ({@code amtsflow.invoice.*}).
 *
 * @param leitwegIds the Leitweg-IDs (BT-10) this deployment receives invoices for
 */
@ConfigurationProperties("amtsflow.invoice")
public record InvoiceProperties(List<String> leitwegIds) {

  public InvoiceProperties {
    leitwegIds = leitwegIds == null ? List.of() : List.copyOf(leitwegIds);
  }
}
