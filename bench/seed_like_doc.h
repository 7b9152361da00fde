// A generated seed-like report for the benchmarks: the national tables with
// spans plus `paragraphs` paragraphs of prose (about 300 bytes each).
#ifndef XXGK_BENCH_SEED_LIKE_DOC_H_
#define XXGK_BENCH_SEED_LIKE_DOC_H_

#include <string>

#include "tests/report/fixtures/seed_like.h"

namespace xxgk::bench {

inline xxgk::testing::SeedLikeDoc MakeSeedLikeDoc(int paragraphs) {
  xxgk::testing::SeedLikeText text;
  text.title = "某县人民政府2024年政府信息公开工作年度报告";
  text.intro = "本报告根据《中华人民共和国政府信息公开条例》编制,数据统计期限自2024年1月1日起至12月31日。";
  for (int i = 0; i < paragraphs; ++i) {
    text.general += "(" + std::to_string(i + 1) + ")本年度通过政府网站主动公开政府信息" +
                    std::to_string(100 + i) + "条,其中规范性文件" + std::to_string(i % 9) +
                    "件,政策解读" + std::to_string(i % 13) + "篇,回应社会关切" +
                    std::to_string(i % 7) + "次。\n";
  }
  text.problems = "政务公开工作仍存在信息更新不够及时等问题,下一步将加强培训。";
  text.other = "本年度未收取信息处理费。";
  int n = 0;
  return xxgk::testing::BuildSeedLike(text, [&](const std::string&) {
    return std::to_string((++n * 37) % 101);
  });
}

}  // namespace xxgk::bench

#endif  // XXGK_BENCH_SEED_LIKE_DOC_H_
