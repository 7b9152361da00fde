// Issue «4»: a provincial set is chosen from what the report itself says, with
// no hint in the request — seed 000 (威海市文登区) gets Shandong's set, seed 001
// (砚山县) Yunnan's — and every applied set states why it was chosen.
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "rules/validator.h"

namespace xxgk::rules {
namespace {

std::string Seed(const std::string& prefix) {
  const std::string dir = std::string(XXGK_SOURCE_DIR) + "/../shared/corpus/seeds/";
  const std::string names[] = {"000_d29fa65c749e09e7.txt", "001_544e1c0e224b6e3c.txt"};
  for (const auto& n : names) {
    if (n.rfind(prefix, 0) == 0) {
      std::ifstream in(dir + n, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  return "";
}

xxgk::v1::ValidateResponse ValidateSeed(const Snapshot& snap, const std::string& prefix,
                                        const std::string& province = "") {
  xxgk::v1::ValidateRequest req;
  req.mutable_document()->set_content(Seed(prefix));
  req.mutable_document()->set_file_name(prefix + ".txt");
  if (!province.empty()) req.mutable_options()->set_province(province);
  auto r = Validate(snap, req);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : xxgk::v1::ValidateResponse();
}

const xxgk::v1::AppliedRuleSet* Applied(const xxgk::v1::ValidateResponse& r, const std::string& id) {
  for (const auto& a : r.rulesets()) {
    if (a.id() == id) return &a;
  }
  return nullptr;
}

class ProvinceSelection : public ::testing::Test {
 protected:
  void SetUp() override {
    auto snap = LoadSnapshot(std::string(XXGK_SOURCE_DIR) + "/rules/sets");
    ASSERT_TRUE(snap.ok()) << snap.status();
    snap_ = *snap;
    ASSERT_FALSE(Seed("000").empty()) << "corpus seeds not found beside the repository";
  }
  std::shared_ptr<const Snapshot> snap_;
};

TEST_F(ProvinceSelection, Seed000GetsShandongWithoutHint) {
  auto r = ValidateSeed(*snap_, "000");
  const auto* sd = Applied(r, "shandong");
  ASSERT_NE(sd, nullptr);
  EXPECT_FALSE(sd->reason().empty());
  EXPECT_FALSE(sd->content_hash().empty());
  EXPECT_NE(Applied(r, "national-2021"), nullptr);
  EXPECT_EQ(Applied(r, "yunnan"), nullptr);
  for (const auto& a : r.rulesets()) EXPECT_FALSE(a.reason().empty()) << a.id();
}

TEST_F(ProvinceSelection, Seed001GetsYunnanWithoutHint) {
  auto r = ValidateSeed(*snap_, "001");
  ASSERT_NE(Applied(r, "yunnan"), nullptr);
  EXPECT_NE(Applied(r, "national-legacy"), nullptr) << "a 2017 report is checked by the pre-2019 set";
  EXPECT_EQ(Applied(r, "shandong"), nullptr);
}

TEST_F(ProvinceSelection, ExplicitProvinceBeatsInference) {
  auto r = ValidateSeed(*snap_, "000", "江苏省");
  EXPECT_NE(Applied(r, "jiangsu"), nullptr);
  EXPECT_EQ(Applied(r, "shandong"), nullptr);
}

}  // namespace
}  // namespace xxgk::rules
