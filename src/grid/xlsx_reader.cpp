// .xlsx/.xlsm packages: the workbook part found through the relationships, its sheets in
// order with their visibility, then shared strings, styles and each worksheet.
#include <algorithm>
#include <vector>

#include "grid_budget.hpp"
#include "kpi/grid/workbook_reader.hpp"
#include "kpi/util/memory_reserve.hpp"
#include "xlsx_parts.hpp"

namespace kpi::grid {

namespace {

struct Relationship {
  std::string id, type, target;
};

struct SheetEntry {
  std::string name, relationship_id;
  bool hidden = false;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class RelationshipsHandler : public XmlHandler {
 public:
  explicit RelationshipsHandler(std::vector<Relationship>& out) : out_(out) {}
  void start(std::string_view name, const char** attributes) override {
    if (local_name(name) != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* type = attribute(attributes, "Type");
    const char* target = attribute(attributes, "Target");
    if (id == nullptr || type == nullptr || target == nullptr) return;
    if (out_.size() >= kMaxRelationships)
      failure = "more than 64K relationships";
    else
      out_.push_back({id, type, target});
  }
  void end(std::string_view) override {}

 private:
  static constexpr std::size_t kMaxRelationships = 1u << 16;
  std::vector<Relationship>& out_;
};

class WorkbookHandler : public XmlHandler {
 public:
  WorkbookHandler(std::vector<SheetEntry>& sheets, bool& date1904, std::uint64_t max_sheets)
      : sheets_(sheets), date1904_(date1904), max_sheets_(max_sheets) {}
  void start(std::string_view name, const char** attributes) override {
    auto local = local_name(name);
    if (local == "workbookPr") {
      const char* flag = attribute(attributes, "date1904");
      date1904_ =
          flag != nullptr && (std::string_view(flag) == "1" || std::string_view(flag) == "true");
    }
    if (local != "sheet") return;
    const char* sheet_name = attribute(attributes, "name");
    const char* id = attribute(attributes, "id");
    const char* state = attribute(attributes, "state");
    if (sheet_name == nullptr || id == nullptr) return;
    if (sheets_.size() >= max_sheets_) {
      failure = "more than " + std::to_string(max_sheets_) + " sheets";
      return;
    }
    bool hidden = state != nullptr && std::string_view(state) != "visible";
    sheets_.push_back({sheet_name, id, hidden});
  }
  void end(std::string_view) override {}

 private:
  std::vector<SheetEntry>& sheets_;
  bool& date1904_;
  std::uint64_t max_sheets_;
};

std::string directory_of(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash + 1));
}

// A relationship target resolved against the directory of the part that holds it.
std::string resolve(std::string_view base_directory, std::string_view target) {
  std::string path = !target.empty() && target[0] == '/'
                         ? std::string(target.substr(1))
                         : std::string(base_directory) + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

std::string rels_path_of(std::string_view part) {
  auto slash = part.rfind('/');
  std::string directory =
      slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
  std::string file(slash == std::string_view::npos ? part : part.substr(slash + 1));
  return directory + "_rels/" + file + ".rels";
}

WorkbookResult failed(const ReadError& error) {
  return {std::nullopt, error.message, error.where, ""};
}

// The workbook part named by the package's root relationships (xl/workbook.xml normally).
std::string workbook_part(ZipArchive& archive) {
  std::vector<Relationship> root;
  RelationshipsHandler handler(root);
  if (archive.contains("_rels/.rels") && !parse_xml_entry(archive, "_rels/.rels", handler).failed())
    for (const auto& rel : root)
      if (ends_with(rel.type, "/officeDocument")) return resolve("", rel.target);
  return "xl/workbook.xml";
}

std::string target_of_type(const std::vector<Relationship>& rels, std::string_view base,
                           std::string_view type_suffix, std::string_view fallback) {
  for (const auto& rel : rels)
    if (ends_with(rel.type, type_suffix)) return resolve(base, rel.target);
  return std::string(fallback);
}

class XlsxBookReader {
 public:
  XlsxBookReader(std::string_view bytes, const Limits& limits, const ReadThreads& threads)
      : archive_(bytes, limits), budget_(limits), limits_(limits), threads_(threads) {}

  WorkbookResult read() {
    if (!archive_.open_error().empty()) return {std::nullopt, archive_.open_error(), "", ""};
    std::string workbook = workbook_part(archive_);
    if (ends_with(workbook, ".bin"))
      return {std::nullopt, "an Excel binary workbook (.xlsb) is not supported: save it as .xlsx",
              "", ""};
    if (!archive_.contains(workbook))
      return {std::nullopt, "not a workbook: a ZIP archive without " + workbook, "", ""};
    std::vector<SheetEntry> sheets;
    WorkbookHandler workbook_handler(sheets, context_.date1904, limits_.max_sheets);
    if (auto error = parse_xml_entry(archive_, workbook, workbook_handler); error.failed())
      return failed(error);
    std::vector<Relationship> rels;
    RelationshipsHandler rels_handler(rels);
    std::string rels_path = rels_path_of(workbook);
    if (archive_.contains(rels_path))
      if (auto error = parse_xml_entry(archive_, rels_path, rels_handler); error.failed())
        return failed(error);
    if (auto error = read_shared_parts(rels, directory_of(workbook)); error.failed())
      return failed(error);
    return read_sheets(sheets, rels, directory_of(workbook));
  }

 private:
  ReadError read_shared_parts(const std::vector<Relationship>& rels, const std::string& base) {
    std::string strings = target_of_type(rels, base, "/sharedStrings", base + "sharedStrings.xml");
    if (archive_.contains(strings))
      if (auto error = read_shared_strings(archive_, strings, budget_, *context_.texts,
                                           context_.shared_strings);
          error.failed())
        return error;
    std::string styles = target_of_type(rels, base, "/styles", base + "styles.xml");
    if (archive_.contains(styles)) return read_styles(archive_, styles, context_.styles);
    return {};
  }

  // What the sheets' grids take, about, announced before they are read (memory_reserve.hpp):
  // 1.8 bytes a byte of sheet XML (87 MB of XML: a grid of 115 MB, its texts, the pieces being
  // read, the sheet's text), and never more than the limits let a grid hold, whatever sizes a
  // hostile archive declares.
  std::size_t grid_bytes(const std::vector<SheetEntry>& entries,
                         const std::vector<Relationship>& rels, const std::string& base) {
    std::uint64_t xml = 0;
    for (const auto& entry : entries)
      for (const auto& rel : rels)
        if (rel.id == entry.relationship_id)
          xml +=
              std::min(archive_.declared_size(resolve(base, rel.target)), limits_.max_entry_bytes);
    std::uint64_t most = limits_.max_cells * sizeof(Cell) + limits_.max_text_bytes;
    return static_cast<std::size_t>(
        std::min(std::min(xml, limits_.max_total_bytes) * 18 / 10, most));
  }

  WorkbookResult read_sheets(const std::vector<SheetEntry>& entries,
                             const std::vector<Relationship>& rels, const std::string& base) {
    Workbook book;
    book.kind = "xlsx";
    util::reserve_memory(grid_bytes(entries, rels, base));
    for (const auto& entry : entries) {
      std::string part;
      for (const auto& rel : rels)
        if (rel.id == entry.relationship_id) part = resolve(base, rel.target);
      if (part.empty()) continue;  // a sheet without a part: nothing to read
      Sheet sheet;
      sheet.texts = context_.texts;
      sheet.name = entry.name;
      sheet.hidden = entry.hidden;
      if (auto error = read_worksheet(archive_, part, context_, budget_, sheet, threads_);
          error.failed()) {
        auto result = failed(error);
        result.error_sheet = entry.name;
        return result;
      }
      book.sheets.push_back(std::move(sheet));
    }
    return {std::move(book), "", "", ""};
  }

  ZipArchive archive_;
  GridBudget budget_;
  Limits limits_;
  ReadThreads threads_;
  XlsxContext context_;
};

}  // namespace

WorkbookResult read_xlsx(std::string_view bytes, const Limits& limits, const ReadThreads& threads) {
  XlsxBookReader reader(bytes, limits, threads);
  return reader.read();
}

}  // namespace kpi::grid
