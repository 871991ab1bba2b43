package de.amtsflow.tenant;

import de.amtsflow.letters.Letterhead;
import java.util.List;

/**
 * One authority on this installation; its id is its Camunda tenant id.
 *
 * @param id the tenant id ({@code lra}, {@code gemeinde-a}): lower case, digits and dashes
 * @param name the authority's name as users and letters show it ("Gemeinde Adorf")
 * @param kind Landratsamt, Gemeinde, Stadt or Zweckverband
 * @param municipalityKey the Amtlicher Gemeindeschlüssel (8 digits); empty for a Landratsamt or a
 *     Zweckverband
 * @param fileNumberPrefix put before the Aktenzeichen of its e-files ({@code ADF} gives {@code
 *     ADF-RE-2026-000001}); empty: none (the numbers of a single-authority installation)
 * @param leitwegIds the Leitweg-IDs (BT-10) its invoices carry
 * @param letterhead its letterhead: address, contact, bank account for fees and payments
 * @param court the court its Rechtsbehelfsbelehrung names
 */
public record Tenant(
    String id,
    String name,
    TenantKind kind,
    String municipalityKey,
    String fileNumberPrefix,
    List<String> leitwegIds,
    Letterhead letterhead,
    String court) {

  public Tenant {
    leitwegIds = leitwegIds == null ? List.of() : List.copyOf(leitwegIds);
    municipalityKey = municipalityKey == null ? "" : municipalityKey.strip();
    fileNumberPrefix = fileNumberPrefix == null ? "" : fileNumberPrefix.strip();
  }
}
