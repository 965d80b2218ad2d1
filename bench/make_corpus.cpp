// Writes the benchmark corpus: N copies of each fixture plan under distinct
// names, and pathological inputs built on the fly.
//
//   make_corpus PLANS_DIR OUT_DIR N            the corpus (N=200: ~1,000 files, ~25 MB)
//   make_corpus PLANS_DIR OUT_DIR --pathological SCALE
//       concat.txt      one plan concatenated 100×SCALE times
//       long-line.txt   one line of about 10×SCALE MB
//       headings.txt    100,000×SCALE headings in a row
//       nested.txt      numbering nested 50 levels deep, repeated 1,000×SCALE times
//       units-only.txt  only 责任单位 lines, 100,000×SCALE of them
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> plans(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const char* const kCn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

void pathological(const fs::path& plans_dir, const fs::path& out, int scale) {
  const auto all = plans(plans_dir);
  const std::string plan = read(all.at(0));
  {
    std::ofstream f(out / "concat.txt", std::ios::binary);
    for (int i = 0; i < 100 * scale; ++i) f << plan << '\n';
  }
  {
    std::ofstream f(out / "long-line.txt", std::ios::binary);
    std::string flat;
    for (const auto& p : all) flat += read(p);
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    std::size_t written = 0;
    while (written < 10'000'000u * static_cast<std::size_t>(scale)) {
      f << flat;
      written += flat.size();
    }
    f << '\n';
  }
  {
    std::ofstream f(out / "headings.txt", std::ios::binary);
    f << "某区知识产权工作方案\n";
    for (int i = 0; i < 100'000 * scale; ++i) {
      switch (i % 3) {
        case 0: f << kCn[i % 10] << "、重点任务第" << i << "项\n"; break;
        case 1: f << "（" << kCn[i % 10] << "）加强保护第" << i << "项\n"; break;
        default: f << (i % 9 + 1) << ".开展工作第" << i << "项\n"; break;
      }
    }
  }
  {
    // Fifty numbered levels: the eight numbering styles, and deeper levels
    // written with markers that a plan reader sees as the same styles again.
    std::ofstream f(out / "nested.txt", std::ios::binary);
    f << "某区知识产权工作方案\n";
    const char* const marks[] = {"第一章 ", "第一节 ", "第一条 ", "一、", "（一）", "1.", "（1）", "①"};
    for (int r = 0; r < 1000 * scale; ++r) {
      for (int d = 0; d < 50; ++d) f << marks[d % 8] << "第" << d << "层标题\n";
      f << "责任单位：区市场监管局\n";
    }
  }
  {
    std::ofstream f(out / "units-only.txt", std::ios::binary);
    for (int i = 0; i < 100'000 * scale; ++i) f << "责任单位：区市场监督管理局、区科学技术和信息化局、区商务局\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::cerr << "usage: make_corpus PLANS_DIR OUT_DIR N | make_corpus PLANS_DIR OUT_DIR --pathological SCALE\n";
    return 2;
  }
  const fs::path plans_dir = argv[1];
  const fs::path out = argv[2];
  fs::create_directories(out);
  if (std::string(argv[3]) == "--pathological") {
    pathological(plans_dir, out, argc == 5 ? std::atoi(argv[4]) : 1);
    return 0;
  }
  const int n = std::atoi(argv[3]);
  std::size_t bytes = 0, files = 0;
  for (const auto& p : plans(plans_dir)) {
    const std::string text = read(p);
    for (int i = 0; i < n; ++i) {
      std::ofstream(out / (p.stem().string() + "-" + std::to_string(i) + ".txt"), std::ios::binary) << text;
      bytes += text.size();
      ++files;
    }
  }
  std::cout << files << " files, " << bytes << " bytes in " << out.string() << '\n';
  return 0;
}
