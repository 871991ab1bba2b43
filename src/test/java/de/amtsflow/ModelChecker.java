package de.amtsflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DrgElement;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Checks a folder of process owners' models (.bpmn, .dmn, .form) for what neither the Modeler nor
 * the compiler catches: references by name (delegate beans, forms, decisions, called processes,
 * messages) that resolve to nothing, {@code camunda:class}, missing history time to live or version
 * tag, ids the Modeler generated, and missing or English labels.
 *
 * <p>Every rule is proven to fire by {@code ModelCheckerTests}; {@code BpmnModelTests} runs it on
 * {@code bpmn/}.
 */
final class ModelChecker {

  static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";

  /**
   * Ids as the Modeler makes them: a type prefix and a 32-bit random number in base 36 (at most
   * "1z141z3", so always 7 characters starting with 0 or 1), or a counter ({@code StartEvent_1});
   * Signavio's {@code sid-…}; anything with a UUID in it (the model API's fluent builder).
   */
  static final Pattern GENERATED_ID =
      Pattern.compile(
          "^[A-Za-z]+_(?:[01][0-9a-z]{6}|[0-9]+)$|^sid-.*"
              + "|.*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}.*");

  private static final Pattern BEAN_EXPRESSION =
      Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

  /**
   * Whole words that are English and not German. Deliberately short: a name is flagged only when it
   * surely is English. "Start", "Update", "Form" and "Status" are German too and are not listed.
   */
  static final Set<String> ENGLISH_WORDS =
      Set.of(
          "and",
          "approval",
          "approve",
          "approved",
          "check",
          "create",
          "decision",
          "delete",
          "document",
          "done",
          "end",
          "for",
          "invoice",
          "no",
          "of",
          "permit",
          "process",
          "receive",
          "received",
          "reject",
          "rejected",
          "request",
          "review",
          "send",
          "task",
          "the",
          "with",
          "yes");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Predicate<String> isBean;

  /**
   * @param isBean whether a Spring bean of that name exists: the engine resolves {@code
   *     ${beanName}} against the application context
   */
  ModelChecker(Predicate<String> isBean) {
    this.isBean = isBean;
  }

  /** A problem in one model; {@code rule} is stable so tests can name it. */
  record Problem(String file, String element, String rule, String message) {
    @Override
    public String toString() {
      return "%s %s: %s [%s]".formatted(file, element, message, rule);
    }
  }

  /** What a check found: the models read, the keys they define, and every problem. */
  record Result(
      List<Path> models,
      Set<String> processKeys,
      Set<String> decisionKeys,
      Set<String> formKeys,
      List<Problem> problems) {}

  Result check(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> Stream.of(".bpmn", ".dmn", ".form").anyMatch(f.toString()::endsWith))
              .sorted()
              .toList();
    }
    return new Run(root).check(files);
  }

  /** One check of one folder: definitions are collected from all files before references. */
  private final class Run {
    private final Path root;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, BpmnModelInstance> bpmn = new LinkedHashMap<>();
    private final Map<String, DmnModelInstance> dmn = new LinkedHashMap<>();
    private final Map<String, JsonNode> forms = new LinkedHashMap<>();
    // key -> files defining it, to find one key defined twice
    private final Map<String, List<String>> processes = new LinkedHashMap<>();
    private final Map<String, List<String>> decisions = new LinkedHashMap<>();
    private final Map<String, List<String>> formIds = new LinkedHashMap<>();

    Run(Path root) {
      this.root = root;
    }

    Result check(List<Path> files) {
      for (Path file : files) {
        read(file);
      }
      bpmn.forEach(
          (file, model) ->
              model.getModelElementsByType(Process.class).stream()
                  .filter(Process::isExecutable) // the engine deploys only these
                  .forEach(p -> define(processes, p.getId(), file)));
      dmn.forEach(
          (file, model) ->
              model
                  .getModelElementsByType(Decision.class)
                  .forEach(d -> define(decisions, d.getId(), file)));
      forms.forEach((file, form) -> define(formIds, form.path("id").asText(""), file));

      bpmn.forEach(this::checkBpmn);
      dmn.forEach(this::checkDmn);
      forms.forEach(this::checkForm);
      reportDuplicates("process", processes);
      reportDuplicates("decision", decisions);
      reportDuplicates("form", formIds);
      return new Result(
          files,
          new TreeSet<>(processes.keySet()),
          new TreeSet<>(decisions.keySet()),
          new TreeSet<>(formIds.keySet()),
          List.copyOf(problems));
    }

    private void read(Path path) {
      String file = root.relativize(path).toString().replace('\\', '/');
      try {
        if (file.endsWith(".bpmn")) {
          bpmn.put(file, Bpmn.readModelFromFile(path.toFile()));
        } else if (file.endsWith(".dmn")) {
          dmn.put(file, Dmn.readModelFromFile(path.toFile()));
        } else {
          forms.put(file, JSON.readTree(path.toFile()));
        }
      } catch (IOException | RuntimeException e) {
        report(file, "-", "parse", "cannot be read: " + e.getMessage());
      }
    }

    private void define(Map<String, List<String>> keys, String key, String file) {
      if (!key.isEmpty()) {
        keys.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
      }
    }

    private void reportDuplicates(String kind, Map<String, List<String>> keys) {
      keys.forEach(
          (key, files) -> {
            if (files.size() > 1) {
              report(
                  files.get(0),
                  key,
                  "duplicate-key",
                  "%s id is also defined in %s; the versions of both files would interleave"
                      .formatted(kind, files.subList(1, files.size())));
            }
          });
    }

    // --- BPMN ---

    private void checkBpmn(String file, BpmnModelInstance model) {
      walk(model.getDocument().getRootElement(), element -> checkImplementation(file, element));

      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.isExecutable()) {
          requireName(file, process.getId(), process.getName());
          requireAttribute(
              file,
              process.getId(),
              process.getCamundaHistoryTimeToLiveString(),
              "history-ttl",
              "camunda:historyTimeToLive");
          requireAttribute(
              file,
              process.getId(),
              process.getCamundaVersionTag(),
              "version-tag",
              "camunda:versionTag");
        }
      }
      // counted from the flows: <outgoing> children are optional and not every tool writes them
      Map<FlowNode, Long> outgoing =
          model.getModelElementsByType(SequenceFlow.class).stream()
              .filter(flow -> flow.getSource() != null)
              .collect(Collectors.groupingBy(SequenceFlow::getSource, Collectors.counting()));
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (needsName(node, outgoing)) {
          requireName(file, node.getId(), node.getName());
        }
        checkReferences(file, node);
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (flow.getConditionExpression() != null || leavesDecisionGateway(flow, outgoing)) {
          requireName(file, flow.getId(), flow.getName());
        }
      }
      for (Participant participant : model.getModelElementsByType(Participant.class)) {
        requireName(file, participant.getId(), participant.getName());
      }
      for (Lane lane : model.getModelElementsByType(Lane.class)) {
        requireName(file, lane.getId(), lane.getName());
      }
      checkMessages(file, model);
      checkIds(
          file,
          model,
          List.of(
              Process.class,
              FlowElement.class,
              Message.class,
              org.camunda.bpm.model.bpmn.instance.Error.class,
              Signal.class,
              Escalation.class,
              Participant.class,
              Lane.class));
    }

    // camunda:class / camunda:delegateExpression on a BPMN element, class / delegateExpression
    // without prefix on Camunda's own elements (execution and task listeners)
    private void checkImplementation(String file, DomElement element) {
      boolean camundaElement = CAMUNDA_BPMN_NS.equals(element.getNamespaceURI());
      String className =
          camundaElement
              ? element.getAttribute("class")
              : element.getAttribute(CAMUNDA_BPMN_NS, "class");
      String delegate =
          camundaElement
              ? element.getAttribute("delegateExpression")
              : element.getAttribute(CAMUNDA_BPMN_NS, "delegateExpression");
      String where = nearestId(element);
      if (className != null) {
        report(
            file,
            where,
            "no-camunda-class",
            "camunda:class=\"%s\" is forbidden; use camunda:delegateExpression=\"${beanName}\""
                .formatted(className));
      }
      if (delegate != null) {
        Matcher bean = BEAN_EXPRESSION.matcher(delegate);
        if (!bean.matches()) {
          report(
              file,
              where,
              "delegate-bean",
              "delegateExpression \"%s\" must be \"${beanName}\"".formatted(delegate));
        } else if (!isBean.test(bean.group(1))) {
          report(
              file,
              where,
              "delegate-bean",
              "delegateExpression \"%s\" names no Spring bean".formatted(delegate));
        }
      }
    }

    private void checkReferences(String file, FlowNode node) {
      String formRef = node.getAttributeValueNs(CAMUNDA_BPMN_NS, "formRef");
      if (formRef != null) {
        requireKnown(file, node.getId(), formRef, formIds.keySet(), "form-ref", "form");
      }
      if (node instanceof BusinessRuleTask task && task.getCamundaDecisionRef() != null) {
        requireKnown(
            file,
            node.getId(),
            task.getCamundaDecisionRef(),
            decisions.keySet(),
            "decision-ref",
            "decision");
      }
      if (node instanceof CallActivity call && call.getCalledElement() != null) {
        requireKnown(
            file,
            node.getId(),
            call.getCalledElement(),
            processes.keySet(),
            "called-element",
            "process");
      }
    }

    private void requireKnown(
        String file, String element, String ref, Set<String> known, String rule, String kind) {
      if (ref.contains("${") || ref.contains("#{")) {
        report(
            file,
            element,
            rule,
            "%s reference \"%s\" is an expression; use a literal id so it can be checked"
                .formatted(kind, ref));
      } else if (!known.contains(ref)) {
        report(
            file,
            element,
            rule,
            "names %s \"%s\", which no model under bpmn/ defines".formatted(kind, ref));
      }
    }

    private void checkMessages(String file, BpmnModelInstance model) {
      Map<String, Message> messages = new LinkedHashMap<>();
      model.getModelElementsByType(Message.class).forEach(m -> messages.put(m.getId(), m));
      Set<String> used = new TreeSet<>();
      for (MessageEventDefinition definition :
          model.getModelElementsByType(MessageEventDefinition.class)) {
        String where = nearestId(definition.getDomElement().getParentElement());
        String ref = localName(definition.getAttributeValue("messageRef"));
        boolean catching = definition.getParentElement() instanceof CatchEvent;
        if (ref == null && catching) {
          report(file, where, "message-ref", "catches a message but names none (messageRef)");
        }
        checkMessageRef(file, where, ref, messages, used);
      }
      for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
        String ref = localName(task.getAttributeValue("messageRef"));
        if (ref == null) {
          report(file, task.getId(), "message-ref", "receives a message but names none");
        }
        checkMessageRef(file, task.getId(), ref, messages, used);
      }
      for (String id : used) {
        Message message = messages.get(id);
        if (message != null && isBlank(message.getName())) {
          report(file, id, "message-ref", "message has no name to correlate by");
        }
      }
    }

    private void checkMessageRef(
        String file, String where, String ref, Map<String, Message> messages, Set<String> used) {
      if (ref == null) {
        return;
      }
      if (messages.containsKey(ref)) {
        used.add(ref);
      } else {
        report(
            file,
            where,
            "message-ref",
            "refers to message \"%s\", which is not defined".formatted(ref));
      }
    }

    // --- DMN ---

    private void checkDmn(String file, DmnModelInstance model) {
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        requireName(file, decision.getId(), decision.getName());
        requireAttribute(
            file,
            decision.getId(),
            decision.getCamundaHistoryTimeToLiveString(),
            "history-ttl",
            "camunda:historyTimeToLive");
        requireAttribute(
            file, decision.getId(), decision.getVersionTag(), "version-tag", "camunda:versionTag");
      }
      checkIds(file, model, List.of(DrgElement.class));
    }

    // --- Camunda Forms (JSON) ---

    private void checkForm(String file, JsonNode form) {
      String id = form.path("id").asText("");
      if (id.isBlank()) {
        report(file, "-", "form-id", "form has no id, so no camunda:formRef can name it");
      } else {
        checkId(file, id);
      }
      checkComponents(file, form.path("components"));
    }

    private void checkComponents(String file, JsonNode components) {
      for (JsonNode component : components) {
        // input fields (they have a key) and buttons are what a clerk reads a label on
        if (component.has("key") || "button".equals(component.path("type").asText())) {
          String element =
              component.path("id").asText(component.path("key").asText("?")) + " (form field)";
          // a date field shows its dateLabel (form-js); "label" is not displayed there
          String label =
              "datetime".equals(component.path("type").asText())
                  ? component.path("dateLabel").asText(null)
                  : component.path("label").asText(null);
          requireName(file, element, label);
        }
        checkComponents(file, component.path("components"));
      }
    }

    // --- shared rules ---

    private boolean needsName(FlowNode node, Map<FlowNode, Long> outgoing) {
      // as bpmnlint's label-required: a joining gateway or a parallel split needs no label
      if (node instanceof ParallelGateway || node instanceof EventBasedGateway) {
        return false;
      }
      return !(node instanceof Gateway) || outgoing.getOrDefault(node, 0L) > 1;
    }

    private boolean leavesDecisionGateway(SequenceFlow flow, Map<FlowNode, Long> outgoing) {
      FlowNode source = flow.getSource();
      return (source instanceof ExclusiveGateway || source instanceof InclusiveGateway)
          && outgoing.getOrDefault(source, 0L) > 1;
    }

    private void requireName(String file, String element, String name) {
      if (isBlank(name)) {
        report(file, element, "name-required", "has no name; name it in German for the clerks");
        return;
      }
      for (String word : name.toLowerCase(Locale.GERMAN).split("[^\\p{L}]+")) {
        if (ENGLISH_WORDS.contains(word)) {
          report(
              file,
              element,
              "german-name",
              "name \"%s\" has the English word \"%s\"; names are German".formatted(name, word));
          return;
        }
      }
    }

    private void requireAttribute(
        String file, String element, String value, String rule, String attribute) {
      if (isBlank(value)) {
        report(file, element, rule, attribute + " is missing");
      }
    }

    /**
     * Only ids a process owner can change in the Modeler and that appear in code, logs or history.
     * Diagram shapes, event definitions and decision-table rules keep the Modeler's ids: the
     * Modeler offers no field to rename them.
     */
    private void checkIds(
        String file,
        org.camunda.bpm.model.xml.ModelInstance model,
        Collection<Class<? extends ModelElementInstance>> types) {
      Set<String> seen = new TreeSet<>();
      for (Class<? extends ModelElementInstance> type : types) {
        for (ModelElementInstance element : model.getModelElementsByType(type)) {
          String id = element.getAttributeValue("id");
          if (id != null && seen.add(id)) {
            checkId(file, id);
          }
        }
      }
    }

    private void checkId(String file, String id) {
      if (GENERATED_ID.matcher(id).matches()) {
        report(
            file,
            id,
            "generated-id",
            "id looks generated; name it after its meaning (e.g. Task_CheckCompleteness)");
      }
    }

    private void report(String file, String element, String rule, String message) {
      problems.add(new Problem(file, element, rule, message));
    }
  }

  private static void walk(DomElement element, Consumer<DomElement> visitor) {
    visitor.accept(element);
    for (DomElement child : element.getChildElements()) {
      walk(child, visitor);
    }
  }

  private static String nearestId(DomElement element) {
    for (DomElement e = element; e != null; e = e.getParentElement()) {
      String id = e.getAttribute("id");
      if (id != null) {
        return e == element ? id : id + " (" + element.getLocalName() + ")";
      }
    }
    return element.getLocalName();
  }

  // messageRef is a QName; the Modeler writes it without prefix, other tools with one
  private static String localName(String ref) {
    return ref == null ? null : ref.substring(ref.indexOf(':') + 1);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
