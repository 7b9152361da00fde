#include "rules/labels.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "rules/cell_index.h"

namespace xxgk::rules {
namespace {

struct Label {
  const char* zh;
  const char* en;
};

using LabelMap = std::map<std::string, Label, std::less<>>;

// Row groups and rows (and legacy leaves), keyed by the key path. An empty
// label means "not shown" (e.g. t3.result: the place reads better without
// 三、本年度办理结果 before （一）…（七）).
const LabelMap& Groups() {
  static const LabelMap* const kMap = new LabelMap{
      // ---- table 二 ----
      {"t2.rules", {"规章", "Rules"}},
      {"t2.normative_documents", {"行政规范性文件", "Normative documents"}},
      {"t2.licensing", {"行政许可", "Administrative licensing"}},
      {"t2.other_services", {"其他对外管理服务事项", "Other external services"}},
      {"t2.penalty", {"行政处罚", "Administrative penalties"}},
      {"t2.coercion", {"行政强制", "Administrative coercion"}},
      {"t2.fees", {"行政事业性收费", "Administrative fees"}},
      {"t2.procurement", {"政府集中采购", "Centralised procurement"}},
      // ---- table 三 ----
      {"t3.new_received", {"一、本年新收政府信息公开申请数量", "1. New applications this year"}},
      {"t3.carried_over", {"二、上年结转政府信息公开申请数量", "2. Carried over from last year"}},
      {"t3.result", {"", ""}},
      {"t3.result.granted", {"（一）予以公开", "(1) Disclosed"}},
      {"t3.result.partially_granted", {"（二）部分公开", "(2) Partly disclosed"}},
      {"t3.result.denied", {"（三）不予公开", "(3) Not disclosed"}},
      {"t3.result.denied.state_secret", {"1.属于国家秘密", "1. State secret"}},
      {"t3.result.denied.prohibited_by_law",
       {"2.其他法律行政法规禁止公开", "2. Prohibited by other laws and regulations"}},
      {"t3.result.denied.security_stability",
       {"3.危及“三安全一稳定”", "3. Endangers security or stability"}},
      {"t3.result.denied.third_party_rights", {"4.保护第三方合法权益", "4. Third-party rights"}},
      {"t3.result.denied.internal_affairs", {"5.属于三类内部事务信息", "5. Internal affairs"}},
      {"t3.result.denied.process_information", {"6.属于四类过程性信息", "6. Process information"}},
      {"t3.result.denied.enforcement_files", {"7.属于行政执法案卷", "7. Enforcement case files"}},
      {"t3.result.denied.administrative_query", {"8.属于行政查询事项", "8. Administrative queries"}},
      {"t3.result.unable", {"（四）无法提供", "(4) Unable to provide"}},
      {"t3.result.unable.not_held", {"1.本机关不掌握相关政府信息", "1. Not held by this agency"}},
      {"t3.result.unable.needs_creation", {"2.没有现成信息需要另行制作", "2. Would have to be created"}},
      {"t3.result.unable.still_unclear", {"3.补正后申请内容仍不明确", "3. Still unclear after correction"}},
      {"t3.result.not_processed", {"（五）不予处理", "(5) Not processed"}},
      {"t3.result.not_processed.petition_complaint",
       {"1.信访举报投诉类申请", "1. Petitions, reports and complaints"}},
      {"t3.result.not_processed.duplicate", {"2.重复申请", "2. Repeated applications"}},
      {"t3.result.not_processed.publication", {"3.要求提供公开出版物", "3. Requests for publications"}},
      {"t3.result.not_processed.excessive",
       {"4.无正当理由大量反复申请", "4. Excessive repeated applications"}},
      {"t3.result.not_processed.reconfirm",
       {"5.要求行政机关确认或重新出具已获取信息", "5. Confirm or reissue information already obtained"}},
      {"t3.result.other", {"（六）其他处理", "(6) Other handling"}},
      {"t3.result.other.no_correction",
       {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1. Not corrected in time, no longer processed"}},
      {"t3.result.other.unpaid_fee",
       {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2. Fee not paid in time, no longer processed"}},
      {"t3.result.other.other", {"3.其他", "3. Other"}},
      {"t3.result.total", {"（七）总计", "(7) Total"}},
      {"t3.carried_forward", {"四、结转下年度继续办理", "4. Carried forward to next year"}},
      // ---- table 四 ----
      {"t4.review", {"行政复议", "Administrative review"}},
      {"t4.litigation_direct", {"行政诉讼 · 未经复议直接起诉", "Litigation · without prior review"}},
      {"t4.litigation_after_review", {"行政诉讼 · 复议后起诉", "Litigation · after review"}},
      // ---- pre-2019 statistics table ----
      {"legacy.active", {"一、主动公开情况", "1. Proactive disclosure"}},
      {"legacy.active.total", {"（一）主动公开政府信息数", "Information disclosed proactively"}},
      {"legacy.active.normative_docs", {"其中：主动公开规范性文件数", "of which normative documents"}},
      {"legacy.active.normative_docs_issued", {"制发规范性文件总数", "Normative documents issued"}},
      {"legacy.active.channel", {"（二）通过不同渠道和方式公开政府信息的情况", "(2) By channel"}},
      {"legacy.active.channel.gazette", {"1.政府公报公开政府信息数", "1. Government gazette"}},
      {"legacy.active.channel.website", {"2.政府网站公开政府信息数", "2. Government website"}},
      {"legacy.active.channel.weibo", {"3.政务微博公开政府信息数", "3. Government Weibo"}},
      {"legacy.active.channel.wechat", {"4.政府微信公开政府信息数", "4. Government WeChat"}},
      {"legacy.active.channel.other", {"5.其他方式公开政府信息数", "5. Other means"}},
      {"legacy.response", {"二、回应解读情况", "2. Responses and interpretation"}},
      {"legacy.response.hot_topics", {"回应公众关注热点或重大舆情数", "Hot topics responded to"}},
      {"legacy.response.press_conferences", {"召开新闻发布会次数", "Press conferences"}},
      {"legacy.response.press_conferences_by_head",
       {"其中：主要负责同志参加新闻发布会次数", "of which attended by the head"}},
      {"legacy.response.online_interviews", {"政府网站在线访谈次数", "Online interviews"}},
      {"legacy.response.online_interviews_by_head",
       {"其中：主要负责同志参加政府网站在线访谈次数", "of which with the head"}},
      {"legacy.response.policy_interpretations", {"政策解读稿件发布数", "Policy interpretations"}},
      {"legacy.response.weibo_wechat", {"微博微信回应事件数", "Responses via Weibo/WeChat"}},
      {"legacy.response.other", {"其他方式回应事件数", "Responses by other means"}},
      {"legacy.applications", {"三、依申请公开情况", "3. Disclosure on request"}},
      {"legacy.applications.received", {"（一）收到申请数", "(1) Applications received"}},
      {"legacy.applications.channel", {"", ""}},
      {"legacy.applications.channel.in_person", {"1.当面申请数", "1. In person"}},
      {"legacy.applications.channel.fax", {"2.传真申请数", "2. By fax"}},
      {"legacy.applications.channel.online", {"3.网络申请数", "3. Online"}},
      {"legacy.applications.channel.letter", {"4.信函申请数", "4. By letter"}},
      {"legacy.applications.closed", {"（二）申请办结数", "(2) Applications closed"}},
      {"legacy.applications.closed_on_time", {"1.按时办结数", "1. Closed on time"}},
      {"legacy.applications.closed_extended", {"2.延期办结数", "2. Closed after extension"}},
      {"legacy.applications.answered", {"（三）申请答复数", "(3) Applications answered"}},
      {"legacy.applications.answer", {"", ""}},
      {"legacy.applications.answer.already_public", {"1.属于已主动公开范围数", "1. Already public"}},
      {"legacy.applications.answer.granted", {"2.同意公开答复数", "2. Granted"}},
      {"legacy.applications.answer.partially_granted", {"3.同意部分公开答复数", "3. Partly granted"}},
      {"legacy.applications.answer.denied", {"4.不同意公开答复数", "4. Denied"}},
      {"legacy.applications.answer.not_this_agency", {"5.不属于本行政机关公开数", "5. Not this agency's"}},
      {"legacy.applications.answer.not_exist", {"6.申请信息不存在数", "6. Does not exist"}},
      {"legacy.applications.answer.correction_requested",
       {"7.告知作出更改补充数", "7. Correction requested"}},
      {"legacy.applications.answer.other_channel", {"8.告知通过其他途径办理数", "8. Other channel"}},
      {"legacy.applications.denied", {"不同意公开答复数 · 其中", "Denied, of which"}},
      {"legacy.applications.denied.state_secret", {"涉及国家秘密", "state secrets"}},
      {"legacy.applications.denied.commercial_secret", {"涉及商业秘密", "commercial secrets"}},
      {"legacy.applications.denied.privacy", {"涉及个人隐私", "personal privacy"}},
      {"legacy.applications.denied.security_stability",
       {"危及国家安全、公共安全、经济安全和社会稳定", "security and stability"}},
      {"legacy.applications.denied.not_government_info",
       {"不是《条例》所指政府信息", "not government information"}},
      {"legacy.applications.denied.other_law", {"法律法规规定的其他情形", "other legal grounds"}},
      {"legacy.review", {"四、行政复议数量", "4. Administrative reviews"}},
      {"legacy.litigation", {"五、行政诉讼数量", "5. Lawsuits"}},
      {"legacy.complaints", {"六、举报投诉数量", "6. Complaints"}},
      {"legacy.fees_wan_yuan", {"七、依申请公开信息收取的费用（万元）", "7. Fees charged (10,000 yuan)"}},
      {"legacy.org", {"八、机构建设和保障经费情况", "8. Organisation and funding"}},
      {"legacy.org.units", {"1.政府信息公开工作专门机构数", "1. Dedicated units"}},
      {"legacy.org.reading_points", {"2.设置政府信息公开查阅点数", "2. Reading points"}},
      {"legacy.staff", {"八、机构建设和保障经费情况", "8. Organisation and funding"}},
      {"legacy.staff.total", {"3.从事政府信息公开工作人员数", "3. Staff"}},
      {"legacy.staff.full_time", {"其中：专职人员数", "of which full-time"}},
      {"legacy.staff.part_time", {"兼职人员数", "part-time"}},
      {"legacy.funding_wan_yuan", {"4.政府信息公开专项经费（万元）", "4. Dedicated funding (10,000 yuan)"}},
      {"legacy.meetings", {"九、会议和培训 · 召开政府信息公开会议数", "9. Meetings held"}},
      {"legacy.trainings", {"九、会议和培训 · 举办各类培训班数", "9. Training courses"}},
      {"legacy.trainees", {"九、会议和培训 · 接受培训人员数", "9. Trainees"}},
  };
  return *kMap;
}

// Leaf components of tables 二/三/四 are columns.
const LabelMap& Columns() {
  static const LabelMap* const kMap = new LabelMap{
      {"t2.issued", {"本年制发件数", "issued this year"}},
      {"t2.repealed", {"本年废止件数", "repealed this year"}},
      {"t2.in_force", {"现行有效件数", "in force"}},
      {"t2.new_made", {"本年新制作数量", "newly made"}},
      {"t2.new_published", {"本年新公开数量", "newly published"}},
      {"t2.total_public", {"对外公开总数量", "total public"}},
      {"t2.decisions", {"本年处理决定数量", "decisions this year"}},
      {"t2.previous_count", {"上一年项目数量", "items last year"}},
      {"t2.change", {"本年增/减", "change this year"}},
      {"t2.amount_wan_yuan", {"本年收费金额（单位：万元）", "fees this year (10,000 yuan)"}},
      {"t2.projects", {"采购项目数量", "procurement projects"}},
      {"t2.amount", {"采购总金额", "procurement amount"}},
      {"t3.natural_person", {"自然人列", "natural persons"}},
      {"t3.commercial_enterprise", {"商业企业列", "commercial enterprises"}},
      {"t3.research_institution", {"科研机构列", "research institutions"}},
      {"t3.social_welfare_org", {"社会公益组织列", "social welfare organisations"}},
      {"t3.legal_service_org", {"法律服务机构列", "legal service organisations"}},
      {"t3.other_org", {"其他组织列", "other organisations"}},
      {"t3.total", {"总计列", "total column"}},
      {"t4.upheld", {"结果维持", "upheld"}},
      {"t4.corrected", {"结果纠正", "corrected"}},
      {"t4.other", {"其他结果", "other result"}},
      {"t4.pending", {"尚未审结", "pending"}},
      {"t4.total", {"总计", "total"}},
      {"legacy.total", {"总数", "total"}},
      {"legacy.upheld", {"维持具体行政行为数", "upheld"}},
      {"legacy.corrected", {"被依法纠错数", "corrected"}},
      {"legacy.other", {"其他情形数", "other"}},
  };
  return *kMap;
}

const char* Pick(const Label& l, Lang lang) { return lang == Lang::kZh ? l.zh : l.en; }

std::vector<std::string> Split(std::string_view key) {
  return absl::StrSplit(absl::string_view(key.data(), key.size()), '.');
}

bool IsColumnTable(std::string_view table) { return table == "t2" || table == "t3" || table == "t4"; }

// Label of component i (>= 1) of `parts`; the leaf of t2/t3/t4 is a column.
std::string ComponentLabel(const std::vector<std::string>& parts, size_t i, bool is_leaf, Lang lang) {
  const std::string& table = parts[0];
  if (is_leaf) {
    std::string col = table + "." + parts[i];
    if (IsColumnTable(table) || table == "legacy") {
      // legacy review/litigation leaves are outcome columns; other legacy
      // leaves have full-path labels and are looked up below first.
      std::string full = absl::StrJoin(parts.begin(), parts.begin() + i + 1, ".");
      if (table == "legacy") {
        auto g = Groups().find(full);
        if (g != Groups().end()) return Pick(g->second, lang);
      }
      auto c = Columns().find(col);
      if (c != Columns().end()) return Pick(c->second, lang);
    }
  }
  std::string full = absl::StrJoin(parts.begin(), parts.begin() + i + 1, ".");
  auto g = Groups().find(full);
  if (g != Groups().end()) return Pick(g->second, lang);
  return parts[i];
}

std::string JoinPlace(const std::vector<std::string>& pieces) {
  std::vector<std::string> kept;
  for (const std::string& p : pieces) {
    if (!p.empty()) kept.push_back(p);
  }
  return absl::StrJoin(kept, " · ");
}

}  // namespace

std::string TableLabel(std::string_view table, Lang lang) {
  if (table == "t2") return lang == Lang::kZh ? "表二" : "Table 2";
  if (table == "t3") return lang == Lang::kZh ? "表三" : "Table 3";
  if (table == "t4") return lang == Lang::kZh ? "表四" : "Table 4";
  if (table == "legacy") return lang == Lang::kZh ? "统计表" : "Statistics table";
  return std::string(table);
}

namespace {

std::string ComputeCellLabelInTable(std::string_view key, Lang lang) {
  std::vector<std::string> parts = Split(key);
  std::vector<std::string> pieces;
  for (size_t i = 1; i < parts.size(); ++i) {
    pieces.push_back(ComponentLabel(parts, i, i + 1 == parts.size(), lang));
  }
  return JoinPlace(pieces);
}

std::string ComputeCellLabel(std::string_view key, Lang lang) {
  if (key.empty()) return "";
  std::vector<std::string> parts = Split(key);
  std::string in_table = ComputeCellLabelInTable(key, lang);
  return JoinPlace({TableLabel(parts[0], lang), in_table});
}

// The labels of every canonical cell key, computed once: findings name cells
// on every evaluation, and a label depends on the key alone.
struct CellLabels {
  std::vector<std::string> in_table[2];  // by CellId, [Lang]
  std::vector<std::string> full[2];
};

const CellLabels& CachedLabels() {
  static const CellLabels* const kLabels = [] {
    auto* c = new CellLabels;
    for (int lang = 0; lang < 2; ++lang) {
      const Lang l = lang == 0 ? Lang::kZh : Lang::kEn;
      c->in_table[lang].reserve(static_cast<size_t>(CellCount()));
      c->full[lang].reserve(static_cast<size_t>(CellCount()));
      for (CellId id = 0; id < CellCount(); ++id) {
        c->in_table[lang].push_back(ComputeCellLabelInTable(CellKeyOf(id), l));
        c->full[lang].push_back(ComputeCellLabel(CellKeyOf(id), l));
      }
    }
    return c;
  }();
  return *kLabels;
}

int LangIndex(Lang lang) { return lang == Lang::kZh ? 0 : 1; }

}  // namespace

void PrecomputeCellLabels() { CachedLabels(); }

const std::string& CellLabelInTableOf(CellId id, Lang lang) {
  return CachedLabels().in_table[LangIndex(lang)][static_cast<size_t>(id)];
}

const std::string& CellLabelOf(CellId id, Lang lang) {
  return CachedLabels().full[LangIndex(lang)][static_cast<size_t>(id)];
}

std::string CellLabelInTable(std::string_view key, Lang lang) {
  const CellId id = CellIdOf(key);
  if (id == kNoCell) return ComputeCellLabelInTable(key, lang);
  return CellLabelInTableOf(id, lang);
}

std::string CellLabel(std::string_view key, Lang lang) {
  const CellId id = CellIdOf(key);
  if (id == kNoCell) return ComputeCellLabel(key, lang);
  return CellLabelOf(id, lang);
}

namespace {

// The components of a key as views into it (as absl::StrSplit on '.'); false
// when it has more than kMaxParts.
constexpr size_t kMaxParts = 16;
struct KeyParts {
  std::string_view part[kMaxParts];
  size_t n = 0;
};
bool SplitView(std::string_view key, KeyParts* p) {
  p->n = 0;
  size_t start = 0;
  while (true) {
    if (p->n == kMaxParts) return false;
    const size_t dot = key.find('.', start);
    p->part[p->n++] = key.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

}  // namespace

std::string PlaceOfKeys(const std::vector<std::string>& keys, Lang lang) {
  if (keys.empty()) return "";
  if (keys.size() == 1) return CellLabel(keys[0], lang);
  // PlaceOfKeysBySplit without splitting every key into strings.
  KeyParts first, p;
  if (!SplitView(keys[0], &first)) return internal::PlaceOfKeysBySplit(keys, lang);
  size_t common = first.n - 1;
  bool same_leaf = true;
  for (const std::string& k : keys) {
    if (!SplitView(k, &p)) return internal::PlaceOfKeysBySplit(keys, lang);
    size_t n = 0;
    while (n < common && n + 1 < p.n && p.part[n] == first.part[n]) ++n;
    common = n;
    same_leaf = same_leaf && p.part[p.n - 1] == first.part[first.n - 1];
  }
  if (common == 0) {
    std::vector<std::string> tables;
    for (const std::string& k : keys) {
      std::string t = TableLabel(std::string_view(k).substr(0, k.find('.')), lang);
      if (std::find(tables.begin(), tables.end(), t) == tables.end()) tables.push_back(std::move(t));
    }
    return absl::StrJoin(tables, lang == Lang::kZh ? "、" : ", ");
  }
  const std::vector<std::string> parts = Split(keys[0]);
  std::vector<std::string> pieces{TableLabel(parts[0], lang)};
  for (size_t i = 1; i < common; ++i) pieces.push_back(ComponentLabel(parts, i, false, lang));
  if (same_leaf) pieces.push_back(ComponentLabel(parts, parts.size() - 1, true, lang));
  return JoinPlace(pieces);
}

namespace internal {

std::string PlaceOfKeysBySplit(const std::vector<std::string>& keys, Lang lang) {
  if (keys.empty()) return "";
  if (keys.size() == 1) return CellLabel(keys[0], lang);
  std::vector<std::vector<std::string>> split;
  for (const std::string& k : keys) split.push_back(Split(k));
  // Common leading components (excluding leaves).
  size_t common = split[0].size() - 1;
  for (const auto& p : split) {
    size_t n = 0;
    while (n < common && n + 1 < p.size() && p[n] == split[0][n]) ++n;
    common = n;
  }
  if (common == 0) {
    // Different tables: list the tables.
    std::vector<std::string> tables;
    for (const auto& p : split) {
      std::string t = TableLabel(p[0], lang);
      if (std::find(tables.begin(), tables.end(), t) == tables.end()) tables.push_back(t);
    }
    return absl::StrJoin(tables, lang == Lang::kZh ? "、" : ", ");
  }
  std::vector<std::string> pieces{TableLabel(split[0][0], lang)};
  for (size_t i = 1; i < common; ++i) pieces.push_back(ComponentLabel(split[0], i, false, lang));
  bool same_leaf = true;
  for (const auto& p : split) same_leaf = same_leaf && p.back() == split[0].back();
  if (same_leaf) {
    pieces.push_back(ComponentLabel(split[0], split[0].size() - 1, true, lang));
  }
  return JoinPlace(pieces);
}

}  // namespace internal

std::string SectionLabel(xxgk::v1::Section::Kind kind, Lang lang) {
  using K = xxgk::v1::Section;
  const bool zh = lang == Lang::kZh;
  switch (kind) {
    case K::GENERAL:
      return zh ? "一、总体情况" : "1. General";
    case K::ACTIVE_DISCLOSURE:
      return zh ? "二、主动公开政府信息情况" : "2. Proactive disclosure";
    case K::APPLICATIONS:
      return zh ? "三、收到和处理政府信息公开申请情况" : "3. Applications received and handled";
    case K::REVIEW_LITIGATION:
      return zh ? "四、政府信息公开行政复议、行政诉讼情况" : "4. Administrative review and litigation";
    case K::PROBLEMS:
      return zh ? "五、存在的主要问题及改进情况" : "5. Main problems and improvements";
    case K::OTHER_MATTERS:
      return zh ? "六、其他需要报告的事项" : "6. Other matters";
    case K::FEES:
      return zh ? "收费及减免情况" : "Fees and waivers";
    default:
      return zh ? "（未指明部分）" : "(unspecified part)";
  }
}

std::string FormatLabel(xxgk::v1::FormatVersion format, Lang lang) {
  const bool zh = lang == Lang::kZh;
  switch (format) {
    case xxgk::v1::FORMAT_2021:
      return zh ? "2021年版格式" : "2021 format";
    case xxgk::v1::FORMAT_2019:
      return zh ? "2019年版格式" : "2019 format";
    case xxgk::v1::FORMAT_LEGACY:
      return zh ? "2019年以前格式" : "pre-2019 format";
    default:
      return zh ? "未知格式" : "unknown format";
  }
}

}  // namespace xxgk::rules
