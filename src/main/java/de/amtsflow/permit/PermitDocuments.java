package de.amtsflow.permit;

import de.amtsflow.efile.Document;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.NewDocument;
import de.amtsflow.security.EngineAsSystem;
import de.amtsflow.web.FieldProblems;
import de.amtsflow.web.FieldProblems.FieldError;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents the applicant uploads with the tracking token. While a Nachforderung is open, an upload
 * answers it: the waiting process continues with the completeness check, and the deadlines that run
 * from complete documents start again. Filing and answering are one transaction.
 */
@Service
class PermitDocuments {

  /** What the upload did: the filed document and whether it answered an open Nachforderung. */
  record Uploaded(Document document, boolean answeredRequest) {}

  private final PermitCases cases;
  private final PermitDeadlines deadlines;
  private final EFileStore efiles;
  private final RuntimeService runtime;
  private final EngineAsSystem engine;

  PermitDocuments(
      PermitCases cases,
      PermitDeadlines deadlines,
      EFileStore efiles,
      RuntimeService runtime,
      EngineAsSystem engine) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.efiles = efiles;
    this.runtime = runtime;
    this.engine = engine;
  }

  /**
   * @param answersRequest false to upload several files before the last one answers the request
   * @param actor who uploads, for the audit trail (the applicant, or the clerk for a paper case)
   */
  @Transactional
  Uploaded upload(
      UUID applicationId,
      String token,
      DocumentKind kind,
      String title,
      String fileName,
      NewDocument.ContentSource content,
      boolean answersRequest,
      String actor) {
    cases.byToken(applicationId, token);
    // one upload at a time per application: two answers to one Nachforderung must not race
    PermitApplicationEntity application = cases.lock(applicationId);
    if (application.status.closed()) {
      throw PermitProblems.closed(application.status);
    }
    String name = title == null || title.isBlank() ? kind.title() : title.strip();
    if (name.length() > 200) {
      throw FieldProblems.invalid(List.of(new FieldError("title", "Höchstens 200 Zeichen.")));
    }
    Document document =
        efiles.addDocument(
            application.efileId, new NewDocument(name, kind.efileKind(), fileName, content, actor));
    boolean answered =
        answersRequest
            && application.status == PermitStatus.INCOMPLETE
            && engine.call(() -> answerRequest(application));
    return new Uploaded(document, answered);
  }

  private boolean answerRequest(PermitApplicationEntity application) {
    boolean waiting =
        runtime
                .createExecutionQuery()
                .processInstanceId(application.processInstanceId)
                .messageEventSubscriptionName(PermitProcess.Msg.DOCUMENTS_SUBMITTED)
                .count()
            > 0;
    Object deadline =
        runtime.getVariable(
            application.processInstanceId, PermitProcess.Var.RESUBMISSION_DEADLINE_AT);
    // after the deadline (its timer may not have run yet) the document is filed, not an answer
    if (!waiting || (deadline instanceof java.util.Date d && !deadlines.now().before(d))) {
      return false;
    }
    boolean inTime =
        !Boolean.FALSE.equals(
            runtime.getVariable(application.processInstanceId, PermitProcess.Var.REQUEST_IN_TIME));
    Map<String, Object> restart =
        deadlines.restart(deadlines.today(), application.approvalFiction, inTime);
    cases.moveTo(
        application.id,
        PermitStatus.RECEIVED,
        "Unterlagen nachgereicht; die Bauaufsicht prüft die Vollständigkeit erneut.");
    runtime
        .createMessageCorrelation(PermitProcess.Msg.DOCUMENTS_SUBMITTED)
        .processInstanceId(application.processInstanceId)
        .setVariables(restart)
        .correlate();
    return true;
  }
}
