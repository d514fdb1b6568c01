package cn.shangliang.processes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The geometry of a model's diagram as bpmn-js (Camunda Modeler) draws it: flow-node shapes, edge paths and the
 * external labels of events, gateways, flows and groups. Finds what makes a picture lie or unreadable: shapes on top of
 * each other, a flow drawn through a shape it does not enter, a label over a shape or another label.
 */
final class DiagramLayout {

  /** Lets shapes, paths and labels touch: DI coordinates are rounded and arrows end on a shape's border. */
  private static final double TOUCH = 1.5;
  /** Text may touch a border, but not run over it by more than a pixel. */
  private static final double TEXT_TOUCH = 1;

  record Rect(double x, double y, double width, double height) {
    static Rect of(Bounds b) {
      return new Rect(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    Rect shrink(double by) {
      return new Rect(x + by, y + by, width - 2 * by, height - 2 * by);
    }

    boolean intersects(Rect o) {
      return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
    }

    boolean contains(double px, double py) {
      return px > x && px < x + width && py > y && py < y + height;
    }

    /** Whether the segment from (x1,y1) to (x2,y2) passes through the inside of this rectangle (Liang–Barsky). */
    boolean crossedBy(double x1, double y1, double x2, double y2) {
      double[] p = {x1 - x2, x2 - x1, y1 - y2, y2 - y1};
      double[] q = {x1 - x, x + width - x1, y1 - y, y + height - y1};
      double enter = 0;
      double leave = 1;
      for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
          if (q[i] <= 0) return false;
        } else {
          double t = q[i] / p[i];
          if (p[i] < 0) enter = Math.max(enter, t);
          else leave = Math.min(leave, t);
        }
      }
      return enter < leave;
    }
  }

  /** An external label, with the element it belongs to. */
  record Label(String owner, String text, Rect box) {
    @Override
    public String toString() {
      return "label \u300c" + text + "\u300d of " + owner;
    }
  }

  private final Map<String, Rect> nodes = new LinkedHashMap<>();
  private final Map<String, FlowNode> nodeElements = new HashMap<>();
  private final List<Label> labels = new ArrayList<>();
  private final Collection<BpmnEdge> edges;

  DiagramLayout(BpmnModelInstance model) {
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      Rect bounds = Rect.of(shape.getBounds());
      if (element instanceof FlowNode node) {
        nodes.put(node.getId(), bounds);
        nodeElements.put(node.getId(), node);
      }
      labelText(element).ifPresent(text -> labels.add(shapeLabel(element, text, bounds, shape.getBpmnLabel())));
    }
    edges = model.getModelElementsByType(BpmnEdge.class);
    for (BpmnEdge edge : edges) {
      BaseElement element = edge.getBpmnElement();
      labelText(element).ifPresent(text -> labels.add(edgeLabel(element, text, points(edge), edge.getBpmnLabel())));
    }
  }

  /** Pairs of flow-node shapes whose bounds intersect, unless one holds the other (subprocess, boundary event). */
  List<String> overlappingShapes() {
    List<String> found = new ArrayList<>();
    List<String> ids = new ArrayList<>(nodes.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        if (holds(a, b) || holds(b, a)) continue;
        if (nodes.get(a).shrink(TOUCH).intersects(nodes.get(b).shrink(TOUCH))) found.add(a + " overlaps " + b);
      }
    }
    return found;
  }

  /** Edges with a segment through a flow-node shape other than their source and target (and what holds these). */
  List<String> flowsThroughShapes() {
    List<String> found = new ArrayList<>();
    for (BpmnEdge edge : edges) {
      if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) continue;
      List<double[]> path = points(edge);
      nodes.forEach((id, bounds) -> {
        if (id.equals(flow.getSource().getId()) || id.equals(flow.getTarget().getId())
            || encloses(id, flow.getSource().getId()) || encloses(id, flow.getTarget().getId())) return;
        Rect inner = bounds.shrink(TOUCH);
        for (int k = 1; k < path.size(); k++) {
          double[] from = path.get(k - 1);
          double[] to = path.get(k);
          if (inner.crossedBy(from[0], from[1], to[0], to[1])) {
            found.add(flow.getId() + " passes through " + id);
            return;
          }
        }
      });
    }
    return found;
  }

  /** Labels over another label, or over a flow-node shape that is not their own element (nor holds it). */
  List<String> coveredLabels() {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      Rect box = label.box().shrink(TEXT_TOUCH);
      for (int j = i + 1; j < labels.size(); j++) {
        if (box.intersects(labels.get(j).box().shrink(TEXT_TOUCH))) {
          found.add(label + " overlaps " + labels.get(j));
        }
      }
      nodes.forEach((id, bounds) -> {
        if (id.equals(label.owner()) || holds(id, label.owner())) return;
        if (box.intersects(bounds.shrink(TEXT_TOUCH))) found.add(label + " covers " + id);
      });
    }
    return found;
  }

  /** Labels with a flow's line drawn through their text (a flow's own label may sit on it). */
  List<String> crossedLabels() {
    List<String> found = new ArrayList<>();
    for (Label label : labels) {
      Rect box = label.box().shrink(TEXT_TOUCH);
      for (BpmnEdge edge : edges) {
        String flow = edge.getBpmnElement().getId();
        if (flow.equals(label.owner())) continue;
        List<double[]> path = points(edge);
        for (int k = 1; k < path.size(); k++) {
          if (box.crossedBy(path.get(k - 1)[0], path.get(k - 1)[1], path.get(k)[0], path.get(k)[1])) {
            found.add(label + " is crossed by " + flow);
            break;
          }
        }
      }
    }
    return found;
  }

  /**
   * Whether {@code outer} is drawn around or under {@code inner}: a subprocess around its content, an activity under
   * the boundary events on its border.
   */
  private boolean holds(String outer, String inner) {
    return encloses(outer, inner)
        || nodeElements.get(inner) instanceof BoundaryEvent event && event.getAttachedTo() != null
            && (event.getAttachedTo().getId().equals(outer) || holds(outer, event.getAttachedTo().getId()));
  }

  /** Whether the subprocess {@code outer} contains {@code inner}: a flow to or from inside it must cross its border. */
  private boolean encloses(String outer, String inner) {
    FlowNode node = nodeElements.get(inner);
    for (ModelElementInstance parent = node == null ? null : node.getParentElement(); parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof SubProcess sub && sub.getId().equals(outer)) return true;
    }
    return false;
  }

  private static List<double[]> points(BpmnEdge edge) {
    List<double[]> points = new ArrayList<>();
    for (Waypoint w : edge.getWaypoints()) points.add(new double[] {w.getX(), w.getY()});
    return points;
  }

  /** The text bpmn-js draws outside the shape: events, gateways, data, flows and groups; tasks carry theirs inside. */
  private static Optional<String> labelText(BaseElement element) {
    String text = null;
    if (element instanceof Group group) {
      text = group.getCategory() == null ? null : group.getCategory().getValue();
    } else if (element instanceof Event || element instanceof Gateway || element instanceof SequenceFlow
        || element instanceof DataObjectReference || element instanceof DataStoreReference) {
      text = ((FlowElement) element).getName();
    }
    return Optional.ofNullable(text).filter(t -> !t.isBlank());
  }

  private static Label shapeLabel(BaseElement element, String text, Rect shape, BpmnLabel di) {
    double top = element instanceof Group ? shape.y() : shape.y() + shape.height();
    double midY = top + LabelText.DEFAULT_HEIGHT / 2;
    return new Label(element.getId(), text, LabelText.box(text, di, shape.x() + shape.width() / 2, midY));
  }

  /** Without DI bounds bpmn-js puts a flow's label 15 px above (or right of) the middle of its middle segment. */
  private static Label edgeLabel(BaseElement element, String text, List<double[]> path, BpmnLabel di) {
    double mid = path.size() / 2.0 - 1;
    double[] first = path.get((int) Math.floor(mid));
    double[] second = path.get((int) Math.ceil(mid + 0.01));
    double x = (first[0] + second[0]) / 2;
    double y = (first[1] + second[1]) / 2;
    double angle = Math.atan((second[1] - first[1]) / (second[0] - first[0]));
    if (Math.abs(angle) < Math.PI / 2) y -= 15;
    else x += 15;
    return new Label(element.getId(), text, LabelText.box(text, di, x, y));
  }

  /**
   * Where bpmn-js draws an external label's text (11 px, line height 1.2): lines wrapped to the DI label's width, or to
   * 90 px centred below the element when the DI has no label bounds. Character widths are those of the font in
   * Debian's Chromium (WenQuanYi Zen Hei for Han characters and ①–⑳), rounded up.
   */
  static final class LabelText {
    static final double DEFAULT_WIDTH = 90;
    static final double DEFAULT_HEIGHT = 20;
    private static final double LINE_HEIGHT = 11 * 1.2;

    private LabelText() {}

    static Rect box(String text, BpmnLabel di, double midX, double midY) {
      if (di != null && di.getBounds() != null && di.getBounds().getWidth() > 0) {
        Rect bounds = Rect.of(di.getBounds());
        double[] size = size(text, bounds.width());
        return new Rect(bounds.x() + Math.max((bounds.width() - size[0]) / 2, 0), bounds.y(), size[0], size[1]);
      }
      double[] size = size(text, DEFAULT_WIDTH);
      double x = Math.round(midX - size[0] / 2);
      return new Rect(x, midY - DEFAULT_HEIGHT / 2, Math.ceil(size[0]), Math.ceil(size[1]));
    }

    /** Width of the widest line and the height of all lines, breaking lines as bpmn-js's Text.layoutText does. */
    static double[] size(String text, double maxWidth) {
      List<String> lines = new ArrayList<>(List.of(text.split("\u00AD?\r?\n")));
      double widest = 0;
      int count = 0;
      while (!lines.isEmpty()) {
        String line = lines.remove(0);
        String fit = line;
        while (!fit.isEmpty() && !fit.equals(" ") && width(fit) > maxWidth && fit.length() >= 2) {
          fit = shorten(fit, width(fit), maxWidth);
        }
        if (fit.length() < line.length()) lines.add(0, line.substring(fit.length()).trim());
        widest = Math.max(widest, width(fit));
        count++;
      }
      return new double[] {widest, count * LINE_HEIGHT};
    }

    private static String shorten(String line, double width, double maxWidth) {
      double length = Math.max(line.length() * (maxWidth / width), 1);
      String[] parts = line.split("(?<=[\\s\\-])|(?=[\\s\\-])");
      StringBuilder kept = new StringBuilder();
      if (parts.length > 1) {
        for (String part : parts) {
          if (part.length() + kept.length() >= length) break;
          kept.append(part);
        }
      }
      String semantic = kept.toString().stripTrailing();
      return semantic.isEmpty() ? line.substring(0, (int) Math.max(Math.round(length - 1), 1)) : semantic;
    }

    static double width(String text) {
      double width = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= 0x2E80 || (c >= 0x2460 && c <= 0x24FF)) width += 11;
        else if (c == '%') width += 10;
        else if (Character.isUpperCase(c)) width += 8;
        else width += c == ' ' ? 3.1 : 6.5;
      }
      return width;
    }
  }
}
