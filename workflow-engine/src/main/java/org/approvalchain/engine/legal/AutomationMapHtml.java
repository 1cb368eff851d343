package org.approvalchain.engine.legal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The automation map as one self-contained, printable HTML page (A4, print CSS, no external
 * resources) for a legal reader: headings in Chinese and English, one row per step in process order
 * (named by its id when it has no name, its legal basis linked to its text), the totals per mode,
 * and the chain anchor with whether the served map matches it. All text is escaped.
 */
public final class AutomationMapHtml {

    private static final String STYLE = """
            @page { size: A4; margin: 15mm; }
            body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt; color: #000; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 8mm; }
            th, td { border: 1px solid #555; padding: 3px 5px; vertical-align: top; text-align: left; word-break: break-word; }
            th { background: #eee; }
            code { font-size: 8pt; word-break: break-all; }
            .ok { color: #060; } .mismatch { color: #a00; font-weight: bold; }
            @media print { tr { page-break-inside: avoid; } thead { display: table-header-group; } }
            """;

    /** Only a web address becomes a link (never e.g. a javascript: URL from a model). */
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://\\S+");

    private AutomationMapHtml() {
    }

    public static String render(AnchoredMap served) {
        AutomationMap map = served.map();
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>自动化清单 Automation map – ")
                .append(esc(map.processKey())).append(" v").append(map.version()).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        out.append("<h1>自动化清单 Automation map</h1>\n<p>").append(esc(map.processName())).append(" (<code>")
                .append(esc(map.processKey())).append("</code>) 版本 version ").append(map.version()).append("</p>\n");
        steps(out, served.stepsInOrder(), served.departments());
        totals(out, map.totals());
        anchor(out, served);
        return out.append("</body></html>\n").toString();
    }

    private static void steps(StringBuilder out, List<AutomationMap.MappedStep> steps,
                              Map<String, AnchoredMap.Responsible> departments) {
        out.append("<h2>步骤 Steps</h2>\n<table><thead><tr><th>步骤 Step</th><th>方式 Mode</th>"
                + "<th>法律依据 Legal basis</th><th>裁量 Discretion</th><th>执行者 Performed by</th>"
                + "<th>责任部门 Responsible department</th></tr></thead><tbody>\n");
        for (AutomationMap.MappedStep s : steps) {
            out.append("<tr><td>").append(esc(s.label())).append("<br><code>").append(esc(s.id())).append("</code> ")
                    .append(esc(s.type())).append("</td><td>").append(mode(s.mode())).append("</td><td>")
                    .append(esc(s.legalBasis()));
            if (s.legalBasisUrl() != null && WEB_ADDRESS.matcher(s.legalBasisUrl()).matches()) {
                out.append("<br><a href=\"").append(esc(s.legalBasisUrl())).append("\">").append(esc(s.legalBasisUrl()))
                        .append("</a>");
            } else if (s.legalBasisUrl() != null) {
                out.append("<br><code>").append(esc(s.legalBasisUrl())).append("</code>");
            }
            out.append("</td><td>").append(s.discretion() ? "是 yes" : "否 no").append("</td><td>")
                    .append(performer(s)).append("</td><td>").append(department(departments.get(s.id()))).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static String department(AnchoredMap.Responsible responsible) {
        return responsible == null ? "未指定（平台账户写入） none named (the platform account writes)"
                : esc(responsible.label()) + "<br><code>" + esc(responsible.id()) + "</code>";
    }

    private static String performer(AutomationMap.MappedStep s) {
        if (s.contract() != null) {
            return "合约 contract " + esc(s.contract()) + "." + esc(s.function())
                    + "<br>代码 SM3 code hash <code>" + esc(s.codeHash()) + "</code>";
        }
        return "候选组 groups: " + esc(String.join(", ", s.candidateGroups()))
                + "<br>候选人 users: " + esc(String.join(", ", s.candidateUsers()));
    }

    private static void totals(StringBuilder out, AutomationMap.ModeTotals t) {
        out.append("<h2>合计 Totals</h2>\n<table><tr><th>自动 automatic</th><th>辅助 assisted</th><th>人工 manual</th></tr><tr><td>")
                .append(t.automatic()).append("</td><td>").append(t.assisted()).append("</td><td>").append(t.manual())
                .append("</td></tr></table>\n");
    }

    private static void anchor(StringBuilder out, AnchoredMap served) {
        out.append("<h2>链上锚定 Chain anchor</h2>\n<table>");
        row(out, "本清单 SM3 This map's SM3", served.mapHash());
        row(out, "BPMN SM3", served.bpmnHash());
        AnchoredMap.Anchor a = served.anchor();
        if (a == null) {
            out.append("<tr><th>状态 Status</th><td class=\"mismatch\">尚未锚定 not anchored yet</td></tr>");
        } else {
            row(out, "交易 Transaction", a.txHash());
            row(out, "区块 Block", String.valueOf(a.blockNumber()));
            row(out, "链上清单 SM3 Anchored map SM3", a.mapHash());
            row(out, "链上 BPMN SM3 Anchored BPMN SM3", a.bpmnHash());
            out.append("<tr><th>核对 Check</th><td class=\"").append(served.matchesChain() ? "ok\">一致 matches the chain"
                    : "mismatch\">不一致 does NOT match the chain").append("</td></tr>");
        }
        out.append("</table>\n");
    }

    private static void row(StringBuilder out, String heading, String value) {
        out.append("<tr><th>").append(esc(heading)).append("</th><td><code>").append(esc(value)).append("</code></td></tr>");
    }

    private static String mode(Mode mode) {
        if (mode == null) {
            return "";
        }
        String label = switch (mode) {
            case AUTOMATIC -> "自动 ";
            case ASSISTED -> "辅助 ";
            case MANUAL -> "人工 ";
        };
        return label + mode;
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
