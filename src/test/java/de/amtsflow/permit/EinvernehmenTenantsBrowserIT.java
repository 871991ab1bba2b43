package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.browser.Browsers;
import de.amtsflow.browser.Tasklist;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/**
 * Two Gemeinden in their own Tasklists (issue 14): a Bauantrag for a plot in Adorf and one in
 * Bergheim, both in participation. {@code gemeinde} (Gemeinde Adorf) sees the Einvernehmen of the
 * Adorf case and not Bergheim's; {@code gemeinde-b} (Markt Bergheim) the other way round, by the
 * Aktenzeichen on the cards of "Meine Gruppe"; opening their own shows the application.
 */
class EinvernehmenTenantsBrowserIT extends AbstractPermitTest {

  private static final String CONSENT = "Einvernehmen der Gemeinde erklären";

  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void eachGemeindeSeesOnlyTheEinvernehmenForItsOwnPlots() {
    Submitted adorf = inParticipation(PermitFixtures.GEMEINDE_A);
    Submitted bergheim = inParticipation(PermitFixtures.GEMEINDE_B);

    seesOnlyItsOwn("gemeinde", adorf, bergheim, "tasklist-einvernehmen-adorf");
    seesOnlyItsOwn("gemeinde-b", bergheim, adorf, "tasklist-einvernehmen-bergheim");
  }

  private void seesOnlyItsOwn(String user, Submitted own, Submitted other, String screenshot) {
    WebDriver driver = browsers.open(user);
    Tasklist tasklist = new Tasklist(driver, port).login(user, user);
    // "Meine Gruppe" shows the Aktenzeichen on each card (DemoTaskFilters)
    List<String> cards = tasklist.cards("Meine Gruppe", CONSENT);
    assertThat(cards).as("%s", user).anyMatch(c -> c.contains(own.fileNumber()));
    assertThat(cards).as("%s", user).noneMatch(c -> c.contains(other.fileNumber()));
    tasklist.open("Meine Gruppe", CONSENT, own.fileNumber());
    assertThat(tasklist.value("Aktenzeichen")).isEqualTo(own.fileNumber());
    browsers.screenshot(driver, screenshot);
    browsers.accessible(driver, "Tasklist: Einvernehmen (" + user + ")", Tasklist.OUR_PARTS);
  }

  private Submitted inParticipation(String municipalityKey) {
    Submitted submitted = submit(PermitFixtures.regularApplicationIn(municipalityKey));
    ProcessInstance pi = instance(submitted);
    runJobs(pi);
    confirmComplete(pi, "WATER");
    assertThat(open(pi, PermitProcess.Task.MUNICIPAL_CONSENT)).hasSize(1);
    return submitted;
  }
}
