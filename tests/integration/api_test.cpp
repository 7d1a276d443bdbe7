// The JSON API and pages of org, staff, accounts and audit through the router, against the backend
// under test: what users rely on, and what bad input gets (a clear error with a code, and nothing
// written).
#include <thread>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "store/audit_log.hpp"
#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace json = boost::json;

class Api : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    office_ = Login("vanphong");
  }
  std::string NewStaffJson(const std::string& name, const std::string& cid, long long unit,
                           const std::string& birth = "15/03/1990") {
    return json::serialize(json::object{{"unit_id", unit},
                                        {"full_name", name},
                                        {"sex", "female"},
                                        {"birth_date", birth},
                                        {"citizen_id", cid},
                                        {"category", "civil_servant"},
                                        {"position", "Chuyên viên"},
                                        {"start_date", "01/07/2025"}});
  }
  // Expects `resp` to be the error `code` (on `field` when given) and nothing written since `seq`.
  void ExpectRefused(const http::Response& resp, int status, const std::string& code,
                     const std::string& field, long long staff_before, long long seq_before) {
    EXPECT_EQ(resp.status, status) << resp.body;
    EXPECT_EQ(ErrorCode(resp.body), code) << resp.body;
    if (!field.empty()) {
      EXPECT_EQ(ErrorField(resp.body), field) << resp.body;
    }
    auto msg = json::parse(resp.body).at("error").at("message").as_string();
    EXPECT_FALSE(msg.empty());
    EXPECT_EQ(Count("staff"), staff_before);
    EXPECT_EQ(AuditSeq(), seq_before);
  }
  static Session office_;
};
Session Api::office_;

TEST_F(Api, SearchIgnoresDiacriticsAndCaseAndSortsTheVietnameseWay) {
  auto r = Call(office_, "GET", "/api/v1/staff?q=NGUYEN%20VAN");
  ASSERT_EQ(r.status, 200);
  auto items = json::parse(r.body).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  for (auto& i : items)
    EXPECT_NE(std::string(i.at("full_name").as_string()).find("Nguyễn Văn"), std::string::npos);
  // By given name: Bình before Chiến.
  EXPECT_EQ(items[0].at("full_name").as_string(), "Nguyễn Văn Bình");
  auto d = json::parse(Call(office_, "GET", "/api/v1/staff?q=duc").body).at("items").as_array();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].at("full_name").as_string(), "Lê Văn Đức");
}

TEST_F(Api, CitizenIdsAreMaskedAndAFullReadIsAudited) {
  auto list = json::parse(Call(office_, "GET", "/api/v1/staff").body).at("items").as_array();
  ASSERT_EQ(list.size(), 60u);
  for (auto& i : list) {
    EXPECT_FALSE(i.as_object().contains("citizen_id"));
    EXPECT_EQ(std::string(i.at("citizen_id_masked").as_string()).substr(3, 6), "******");
  }
  long long id = list[0].at("id").as_int64();
  long long seq = AuditSeq();
  auto full = Call(office_, "GET", "/api/v1/staff/" + std::to_string(id) + "/citizen-id");
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(std::string(json::parse(full.body).at("citizen_id").as_string()).size(), 12u);
  EXPECT_EQ(AuditSeq(), seq + 1);
  store::Conn c = app_->db().Lease();
  auto e = store::ListAudit(c, {"staff", "", {}, 0, 1});
  EXPECT_EQ(e[0].action, "read_full");
  EXPECT_EQ(e[0].actor, "vanphong");
}

// The org unit form and the administrator's account form: the page again as typed, the problem
// beside the field (on the users page, in the form sent: it also has the token form).
TEST_F(Api, RefusedUnitAndAccountFormsSayBesideTheFieldWhatIsWrong) {
  const char* form = "application/x-www-form-urlencoded";
  Session admin = Login("quantri");
  long long seq = AuditSeq();
  auto unit = Call(admin, "POST", "/org",
                   "code=LP-T99&name=&kind=village&parent_id=" + std::to_string(UnitId("LP")) +
                       "&active_from=01%2F07%2F2025",
                   form);
  EXPECT_GE(unit.status, 400);
  EXPECT_NE(unit.body.find("id=\"name-msg\""), std::string::npos) << unit.body.substr(0, 400);
  EXPECT_NE(unit.body.find("aria-describedby=\"name-msg\""), std::string::npos);
  EXPECT_NE(unit.body.find("value=\"LP-T99\""), std::string::npos);
  auto user = Call(admin, "POST", "/users",
                   "username=can.bo.moi&display_name=C%C3%A1n+b%E1%BB%99&password=ngan&role=staff&"
                   "scope=LP-KT",
                   form);
  EXPECT_GE(user.status, 400);
  EXPECT_NE(user.body.find("id=\"password-msg\""), std::string::npos) << user.body.substr(0, 400);
  EXPECT_NE(user.body.find("value=\"can.bo.moi\""), std::string::npos);
  EXPECT_EQ(AuditSeq(), seq) << "nothing written";
}

TEST_F(Api, CreatesEditsAndDeactivatesStaffWithAuditBeforeAndAfter) {
  long long unit = UnitId("LP-VHXH");
  auto created = Call(office_, "POST", "/api/v1/staff",
                      NewStaffJson("Trương Thị Mỹ Linh", "000199000101", unit));
  ASSERT_EQ(created.status, 201) << created.body;
  auto obj = json::parse(created.body).as_object();
  long long id = obj.at("id").as_int64();
  EXPECT_EQ(obj.at("birth_date").as_string(), "1990-03-15");
  EXPECT_EQ(obj.at("citizen_id_masked").as_string(), "000******101");
  auto patched = Call(office_, "PATCH", "/api/v1/staff/" + std::to_string(id),
                      R"({"position":"Phó Trưởng phòng"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(json::parse(patched.body).at("position").as_string(), "Phó Trưởng phòng");
  EXPECT_EQ(json::parse(patched.body).at("full_name").as_string(), "Trương Thị Mỹ Linh");
  {
    store::Conn c = app_->db().Lease();
    auto e = store::ListAudit(c, {"staff", "vanphong", {}, 0, 1});
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].action, "update");
    EXPECT_NE(e[0].before_json->find("Chuyên viên"), std::string::npos);
    EXPECT_NE(e[0].after_json->find("Phó Trưởng phòng"), std::string::npos);
    EXPECT_EQ(e[0].after_json->find("000199000101"), std::string::npos)
        << "audit must hold the masked ID";
  }
  auto gone = Call(office_, "POST", "/api/v1/staff/" + std::to_string(id) + "/deactivate",
                   R"({"end_date":"30/11/2026"})");
  ASSERT_EQ(gone.status, 200) << gone.body;
  EXPECT_EQ(json::parse(gone.body).at("status").as_string(), "inactive");
  EXPECT_EQ(Call(office_, "GET", "/api/v1/staff?q=my%20linh").body.find("Linh"), std::string::npos);
  EXPECT_NE(
      Call(office_, "GET", "/api/v1/staff?q=my%20linh&include_inactive=true").body.find("Linh"),
      std::string::npos);
  // Never hard-deleted: the record is still there.
  EXPECT_EQ(Call(office_, "GET", "/api/v1/staff/" + std::to_string(id)).status, 200);
  EXPECT_EQ(
      ErrorCode(Call(office_, "POST", "/api/v1/staff/" + std::to_string(id) + "/deactivate").body),
      "ORG-1020");
}

TEST_F(Api, BadInputGetsACodeNamesTheFieldAndWritesNothing) {
  long long unit = UnitId("LP-KT");
  long long n = Count("staff"), seq = AuditSeq();
  ExpectRefused(Call(office_, "POST", "/api/v1/staff", "{\"full_name\": \"A\""), 400, "GEN-0001",
                "", n, seq);
  ExpectRefused(Call(office_, "POST", "/api/v1/staff", "[]"), 422, "GEN-0002", "", n, seq);
  auto wrong_type = json::parse(NewStaffJson("Lê Văn Tám", "000189000102", unit)).as_object();
  wrong_type["full_name"] = 42;
  ExpectRefused(Call(office_, "POST", "/api/v1/staff", json::serialize(wrong_type)), 422,
                "GEN-0002", "full_name", n, seq);
  auto unknown = NewStaffJson("Lê Văn Tám", "000189000102", unit);
  unknown.insert(1, "\"salary\":1,");
  ExpectRefused(Call(office_, "POST", "/api/v1/staff", unknown), 422, "GEN-0003", "salary", n, seq);
  auto missing = json::parse(NewStaffJson("Lê Văn Tám", "000189000102", unit)).as_object();
  missing.erase("position");
  ExpectRefused(Call(office_, "POST", "/api/v1/staff", json::serialize(missing)), 422, "GEN-0004",
                "position", n, seq);
  ExpectRefused(
      Call(office_, "POST", "/api/v1/staff", NewStaffJson("L\xC3\x28", "000189000102", unit)), 400,
      "GEN-0005", "", n, seq);
  ExpectRefused(Call(office_, "POST", "/api/v1/staff",
                     NewStaffJson(std::string(101, 'a'), "000189000102", unit)),
                422, "GEN-0006", "full_name", n, seq);
  // A non-character (it breaks every DOCX and XLSX the name goes into) and a control character.
  ExpectRefused(Call(office_, "POST", "/api/v1/staff",
                     NewStaffJson("Lê Văn\xEF\xBF\xBE Tám", "000189000102", unit)),
                422, "GEN-0028", "full_name", n, seq);
  ExpectRefused(
      Call(office_, "POST", "/api/v1/staff", NewStaffJson("Lê Văn\x07Tám", "000189000102", unit)),
      422, "GEN-0028", "full_name", n, seq);
  ExpectRefused(Call(office_, "POST", "/api/v1/staff",
                     NewStaffJson("Lê Văn Tám", "000189000102", unit, "31/02/2026")),
                422, "GEN-0008", "birth_date", n, seq);
  ExpectRefused(
      Call(office_, "POST", "/api/v1/staff", NewStaffJson("Lê Văn Tám", "00018900010", unit)), 422,
      "ORG-1006", "citizen_id", n, seq);
  ExpectRefused(Call(office_, "POST", "/api/v1/staff",
                     NewStaffJson("Lê Văn Tám", "000189000102", unit, "01/01/1930")),
                422, "ORG-1008", "birth_date", n, seq);
  ExpectRefused(
      Call(office_, "POST", "/api/v1/staff", NewStaffJson("Lê Văn Tám", "000189000102", 999999)),
      404, "ORG-1001", "unit_id", n, seq);
  // A duplicate citizen ID within the commune.
  std::string taken;
  {
    store::Conn c = app_->db().Lease();
    taken = c.QueryOne("SELECT citizen_id FROM staff ORDER BY id LIMIT 1")->Str(0);
  }
  ExpectRefused(Call(office_, "POST", "/api/v1/staff", NewStaffJson("Lê Văn Tám", taken, unit)),
                409, "ORG-1007", "citizen_id", n, seq);
  ExpectRefused(Call(office_, "POST", "/api/v1/staff", "x=1", "text/plain"), 415, "GEN-0016", "", n,
                seq);
}

TEST_F(Api, AUnitHeadCannotPlaceStaffOutsideTheirUnit) {
  Session head = Login("truongphong");  // unit head of LP-KT
  long long n = Count("staff"), seq = AuditSeq();
  ExpectRefused(Call(head, "POST", "/api/v1/staff",
                     NewStaffJson("Lê Văn Chín", "000189000109", UnitId("LP-VP"))),
                403, "GEN-0017", "unit_id", n, seq);
  auto ok = Call(head, "POST", "/api/v1/staff",
                 NewStaffJson("Lê Văn Chín", "000189000109", UnitId("LP-KT")));
  EXPECT_EQ(ok.status, 201) << ok.body;
  // …nor move their own staff into another unit.
  long long id = json::parse(ok.body).at("id").as_int64();
  auto moved = Call(head, "PATCH", "/api/v1/staff/" + std::to_string(id),
                    "{\"unit_id\":" + std::to_string(UnitId("LP-VP")) + "}");
  EXPECT_EQ(moved.status, 403);
  // Staff of another unit are invisible to a civil servant's write attempt and to a village head.
  Session village = Login("truongthon");
  EXPECT_EQ(Call(village, "GET", "/api/v1/staff").status, 403);
}

// A unit head cannot recover another unit's full citizen IDs by trying numbers: the refusal does
// not say the number is someone's, each probe is audited, and after five they are throttled.
TEST_F(Api, ACitizenIdProbeRevealsNothingIsAuditedAndThrottled) {
  Session head = Login("truongphong");  // unit head of LP-KT, without the full-read permission
  std::string taken;
  {
    store::Conn c = app_->db().Lease();
    taken = c.QueryOne(
                 "SELECT s.citizen_id FROM staff s JOIN org_units u ON u.id = s.unit_id "
                 "WHERE u.code = 'LP-VP' ORDER BY s.id LIMIT 1")
                ->Str(0);
  }
  long long n = Count("staff");
  for (int i = 0; i < 5; ++i) {
    long long seq = AuditSeq();
    auto r = Call(head, "POST", "/api/v1/staff", NewStaffJson("Thử Số", taken, UnitId("LP-KT")));
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(ErrorCode(r.body), "ORG-1021");
    EXPECT_EQ(r.body.find("đã có"), std::string::npos) << r.body;  // not "already exists"
    EXPECT_EQ(r.body.find(taken), std::string::npos);
    EXPECT_EQ(AuditSeq(), seq + 1);  // the probe is recorded
  }
  {
    store::Conn c = app_->db().Lease();
    auto last = store::ListAudit(c, {"staff", "truongphong", {}, 0, 1});
    ASSERT_EQ(last.size(), 1u);
    EXPECT_EQ(last.front().action, "citizen_id_conflict");
  }
  auto throttled =
      Call(head, "POST", "/api/v1/staff", NewStaffJson("Thử Số", "000189000188", UnitId("LP-KT")));
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(Count("staff"), n);
  // The office, who may read full IDs, is told plainly.
  EXPECT_EQ(ErrorCode(Call(office_, "POST", "/api/v1/staff",
                           NewStaffJson("Thử Số", taken, UnitId("LP-VP")))
                          .body),
            "ORG-1007");
}

TEST_F(Api, SqlMetaCharactersAreStoredLiterally) {
  std::string name = "O'Brien\"; DROP TABLE staff;-- %_";
  auto r =
      Call(office_, "POST", "/api/v1/staff", NewStaffJson(name, "000189000177", UnitId("LP-VP")));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json::parse(r.body).at("full_name").as_string(), name);
  auto found =
      json::parse(Call(office_, "GET", "/api/v1/staff?q=%25_").body).at("items").as_array();
  ASSERT_EQ(found.size(), 1u);  // '%' and '_' are searched literally, not as wildcards
  EXPECT_EQ(found[0].at("full_name").as_string(), name);
}

TEST_F(Api, OrgUnitsFormATreeAndCannotCloseWithActiveMembers) {
  long long lp = UnitId("LP");
  auto created =
      Call(office_, "POST", "/api/v1/org-units",
           "{\"code\":\"LP-T16\",\"name\":\"Thôn Mới\",\"kind\":\"village\",\"parent_id\":" +
               std::to_string(lp) + "}");
  ASSERT_EQ(created.status, 201) << created.body;
  auto u = json::parse(created.body).as_object();
  EXPECT_EQ(u.at("commune_id").as_int64(), lp);
  EXPECT_EQ(std::string(u.at("path").as_string())
                .substr(std::string(u.at("path").as_string()).size() - 1),
            "/");
  EXPECT_EQ(
      ErrorCode(Call(office_, "POST", "/api/v1/org-units",
                     "{\"code\":\"LP-T16\",\"name\":\"Trùng\",\"kind\":\"village\",\"parent_id\":" +
                         std::to_string(lp) + "}")
                    .body),
      "ORG-1003");
  EXPECT_EQ(ErrorCode(Call(office_, "POST", "/api/v1/org-units",
                           "{\"code\":\"LP-X\",\"name\":\"Sai\",\"kind\":\"city\",\"parent_id\":" +
                               std::to_string(lp) + "}")
                          .body),
            "ORG-1004");
  EXPECT_EQ(ErrorCode(Call(office_, "POST", "/api/v1/org-units",
                           R"({"code":"lp x","name":"Sai","kind":"village"})")
                          .body),
            "ORG-1013");
  auto busy =
      Call(office_, "POST", "/api/v1/org-units/" + std::to_string(UnitId("LP-KT")) + "/deactivate");
  EXPECT_EQ(busy.status, 409);
  EXPECT_EQ(ErrorCode(busy.body), "ORG-1014");
  long long id = u.at("id").as_int64();
  EXPECT_EQ(Call(office_, "POST", "/api/v1/org-units/" + std::to_string(id) + "/deactivate").status,
            200);
  // An office user scoped to the commune cannot create a commune in the city.
  auto outside =
      Call(office_, "POST", "/api/v1/org-units",
           "{\"code\":\"XA-KHAC\",\"name\":\"Xã Khác\",\"kind\":\"commune\",\"parent_id\":" +
               std::to_string(UnitId("HP")) + "}");
  EXPECT_EQ(outside.status, 404);  // the city lies outside the user's scope and is not even shown
}

TEST_F(Api, CsvImportIsAllOrNothingWithErrorsByRowAndColumn) {
  std::string header =
      "full_name,sex,birth_date,citizen_id,category,position,unit_code,start_date\r\n";
  std::string good =
      "\xEF\xBB\xBF" + header +
      "Vi Thị Hoài,Nữ,02/03/1991,000191000201,công chức,Chuyên viên,LP-VHXH,01/08/2025\r\n"
      "\"Kha, Văn Lâm\",Nam,1988-12-30,000088000202,viên chức,Viên chức,LP-TTDV,01/09/2025\r\n";
  long long n = Count("staff"), seq = AuditSeq();
  std::string bad =
      header +
      "Vi Thị Hoài,Nữ,02/03/1991,000191000201,công chức,Chuyên viên,LP-VHXH,01/08/2025\r\n"
      "Sai Ngày,Nam,31/02/1990,000090000203,công chức,Chuyên viên,LP-VHXH,01/08/2025\r\n"
      "Sai Mã,Nam,01/02/1990,12345,giám đốc,Chuyên viên,KHONG-CO,01/08/2025\r\n"
      "Ký Tự,Nam,01/02/1990,000090000204,công chức,Chuyên\xEF\xBF\xBF viên,LP-VHXH,01/08/2025\r\n";
  auto refused = Call(office_, "POST", "/api/v1/staff/import", bad, "text/csv");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(ErrorCode(refused.body), "ORG-1012");
  auto details = json::parse(refused.body).at("error").at("details").as_array();
  std::set<std::string> seen;
  for (auto& d : details)
    seen.insert(std::to_string(d.at("row").as_int64()) + ":" +
                std::string(d.at("field").as_string()));
  EXPECT_TRUE(seen.count("3:birth_date"));
  EXPECT_TRUE(seen.count("4:category"));
  EXPECT_TRUE(seen.count("4:unit_code"));
  EXPECT_TRUE(seen.count("4:citizen_id"));
  EXPECT_TRUE(seen.count("5:position"));  // U+FFFF: a character no DOCX or XLSX can carry
  EXPECT_FALSE(seen.count("2:full_name"));
  EXPECT_EQ(Count("staff"), n);
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_EQ(ErrorCode(Call(office_, "POST", "/api/v1/staff/import", "full_name,sex\r\nA,Nam\r\n",
                           "text/csv")
                          .body),
            "ORG-1011");
  EXPECT_EQ(
      ErrorCode(Call(office_, "POST", "/api/v1/staff/import", header + "\"open,Nam\r\n", "text/csv")
                    .body),
      "ORG-1015");

  auto ok = Call(office_, "POST", "/api/v1/staff/import", good, "text/csv");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(json::parse(ok.body).at("created").as_int64(), 2);
  EXPECT_EQ(Count("staff"), n + 2);
  EXPECT_NE(StaffIdByName("Kha, Văn Lâm"), 0);
  // Export then import again: the same people are updated, none created.
  auto exported = Call(office_, "GET", "/api/v1/staff/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.body.substr(0, 3), "\xEF\xBB\xBF");
  auto again = Call(office_, "POST", "/api/v1/staff/import", exported.body, "text/csv");
  ASSERT_EQ(again.status, 200) << again.body.substr(0, 500);
  EXPECT_EQ(json::parse(again.body).at("created").as_int64(), 0);
  EXPECT_EQ(Count("staff"), n + 2);
}

// Files as Excel and LibreOffice write them: what was exported imports again changing nothing (the
// formula guard is taken off), a ';' file is read, a Windows-1258 file is read only when declared
// or confirmed after seeing it, and a short row or an extra field is refused naming row and column.
TEST_F(Api, CsvFilesAsSpreadsheetsWriteThemAndExportedFilesImportUnchanged) {
  std::string header = "full_name;sex;birth_date;citizen_id;category;position;unit_code;start_date";
  auto semi = Call(office_, "POST", "/api/v1/staff/import",
                   header +
                       "\r\nLò Thị Mai;Nữ;02/03/1991;000191000301;công chức;-Kế toán;LP-VHXH;"
                       "01/08/2025\r\n",
                   "text/csv");
  ASSERT_EQ(semi.status, 200) << semi.body;
  EXPECT_EQ(json::parse(semi.body).at("created").as_int64(), 1);
  long long n = Count("staff"), seq = AuditSeq();
  auto exported = Call(office_, "GET", "/api/v1/staff/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_NE(exported.body.find("'-Kế toán"), std::string::npos);  // defused for spreadsheets
  long long after_export = AuditSeq();                            // the export itself is audited
  EXPECT_EQ(after_export, seq + 1);
  auto again = Call(office_, "POST", "/api/v1/staff/import", exported.body, "text/csv");
  ASSERT_EQ(again.status, 200) << again.body.substr(0, 500);
  auto res = json::parse(again.body);
  EXPECT_EQ(res.at("created").as_int64(), 0);
  EXPECT_EQ(res.at("updated").as_int64(), 0);
  EXPECT_EQ(res.at("unchanged").as_int64(), n);
  EXPECT_EQ(AuditSeq(), after_export);  // nothing changed, nothing written
  store::Conn c = app_->db().Lease();
  EXPECT_EQ(
      c.QueryOne("SELECT position FROM staff WHERE full_name = :1", {std::string("Lò Thị Mai")})
          ->Str(0),
      "-Kế toán");

  // Windows-1258 ("CSV" of Excel on a Vietnamese Windows): "Trần" is T r â + combining grave + n.
  std::string comma = "full_name,sex,birth_date,citizen_id,category,position,unit_code,start_date";
  std::string cp1258 = comma +
                       "\r\nTr\xE2\xCCn An,Nam,01/02/1990,000090000302,c\xF4ng ch\xFD\xEC"
                       "c,"
                       "Chuy\xEAn vi\xEAn,LP-VHXH,01/08/2025\r\n";
  auto unasked = Call(office_, "POST", "/api/v1/staff/import", cp1258, "text/csv");
  EXPECT_EQ(unasked.status, 415);
  EXPECT_EQ(ErrorCode(unasked.body), "GEN-0030");
  EXPECT_NE(unasked.body.find("CSV UTF-8"), std::string::npos);
  EXPECT_EQ(Count("staff"), n);
  auto declared =
      Call(office_, "POST", "/api/v1/staff/import", cp1258, "text/csv; charset=windows-1258");
  ASSERT_EQ(declared.status, 200) << declared.body;
  EXPECT_NE(StaffIdByName("Trần An"), 0);  // NFC, as typed on a phone
  // UTF-16 with its byte-order mark (Excel's "Unicode Text", tab-separated).
  std::string utf16 = "\xFF\xFE";
  for (char ch : std::string(
           "full_name\tsex\tbirth_date\tcitizen_id\tcategory\tposition\tunit_code\tstart_date\r\n"
           "Ha An\tNam\t01/02/1990\t000090000303\tcivil_servant\tChuyen "
           "vien\tLP-VHXH\t01/08/2025\r\n")) {
    utf16.push_back(ch);
    utf16.push_back('\0');
  }
  auto wide = Call(office_, "POST", "/api/v1/staff/import", utf16, "text/csv");
  ASSERT_EQ(wide.status, 200) << wide.body;
  EXPECT_NE(StaffIdByName("Ha An"), 0);

  // A short row and an extra field: refused with row and column, nothing written.
  n = Count("staff");
  seq = AuditSeq();
  auto shape = Call(office_, "POST", "/api/v1/staff/import",
                    comma +
                        "\r\nAn Bình,Nam,01/02/1990\r\n"
                        "Hồ Chí,Nam,01/02/1990,000090000304,công chức,Chuyên viên,LP-VHXH,"
                        "01/08/2025,thừa\r\n",
                    "text/csv");
  ASSERT_EQ(shape.status, 422) << shape.body;
  auto details = json::parse(shape.body).at("error").at("details").as_array();
  ASSERT_EQ(details.size(), 2u) << shape.body;
  EXPECT_EQ(details[0].at("row").as_int64(), 2);
  EXPECT_EQ(details[0].at("field").as_string(), "citizen_id");
  EXPECT_EQ(details[0].at("code").as_string(), "GEN-0032");
  EXPECT_EQ(details[1].at("row").as_int64(), 3);
  EXPECT_EQ(details[1].at("field").as_string(), "I");
  EXPECT_EQ(details[1].at("code").as_string(), "GEN-0033");
  EXPECT_EQ(Count("staff"), n);
  EXPECT_EQ(AuditSeq(), seq);
}

// A file of 200,000 bad rows is refused with its first thousand problems and the count of the rest:
// an answer of a few hundred kilobytes, not hundreds of megabytes; nothing written.
TEST_F(Api, AHugeBadImportListsTheFirstThousandProblemsAndCountsTheRest) {
  std::string csv =
      "full_name,sex,birth_date,citizen_id,category,position,unit_code,start_date\r\n";
  for (int i = 0; i < 200000; ++i)
    csv += "Người " + std::to_string(i) + ",không rõ,02/03/1991," + fmt::format("000191{:06}", i) +
           ",công chức,Chuyên viên,LP-VHXH,01/08/2025\r\n";
  long long n = Count("staff"), seq = AuditSeq();
  auto r = Call(office_, "POST", "/api/v1/staff/import", csv, "text/csv");
  ASSERT_EQ(r.status, 422);
  EXPECT_LT(r.body.size(), 1u << 20) << "the answer is " << r.body.size() << " bytes";
  auto err = json::parse(r.body).at("error");
  EXPECT_EQ(err.at("details").as_array().size(), 1000u);
  EXPECT_EQ(err.at("details").as_array()[0].at("row").as_int64(), 2);
  EXPECT_EQ(err.at("more_details").as_int64(), 199000);
  EXPECT_EQ(Count("staff"), n);
  EXPECT_EQ(AuditSeq(), seq);
  // The page says how many more there are.
  std::string boundary = "----kientao-test-boundary";
  auto page = Call(office_, "POST", "/staff/import",
                   "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" +
                       office_.csrf + "\r\n--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ds.csv\"\r\n"
                       "Content-Type: text/csv\r\n\r\n" +
                       csv + "\r\n--" + boundary + "--\r\n",
                   "multipart/form-data; boundary=" + boundary);
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find("… và 199.000 lỗi khác"), std::string::npos);
}

// On the page, a Windows-1258 file is shown as that encoding reads it, and imported only when the
// person confirms what they see.
TEST_F(Api, TheImportPageShowsAWindows1258FileBeforeImportingIt) {
  std::string boundary = "----kientao-test-boundary";
  auto form = [&](const std::string& name, const std::string& data, bool file) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" +
           office_.csrf + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" +
           name + "\"" + (file ? "; filename=\"ds.csv\"\r\nContent-Type: text/csv" : "") +
           "\r\n\r\n" + data + "\r\n--" + boundary + "--\r\n";
  };
  std::string type = "multipart/form-data; boundary=" + boundary;
  std::string cp1258 =
      "full_name,sex,birth_date,citizen_id,category,position,unit_code,start_date\r\n"
      "Tr\xE2\xCCn Bi\xCCnh,Nam,01/02/1990,000090000305,civil_servant,Chuy\xEAn vi\xEAn,LP-VHXH,"
      "01/08/2025\r\n";
  long long n = Count("staff");
  auto shown = Call(office_, "POST", "/staff/import", form("file", cp1258, true), type);
  EXPECT_EQ(shown.status, 415);
  EXPECT_NE(shown.body.find("data-testid=\"confirm-encoding\""), std::string::npos);
  EXPECT_NE(shown.body.find("Trần Bình,Nam"), std::string::npos);  // what it read, shown
  EXPECT_EQ(Count("staff"), n);
  size_t at = shown.body.find("name=\"converted\"");
  ASSERT_NE(at, std::string::npos);
  size_t from = shown.body.find('>', at) + 1;
  std::string converted = shown.body.substr(from, shown.body.find("</textarea>", from) - from);
  auto done = Call(office_, "POST", "/staff/import", form("converted", converted, false), type);
  EXPECT_EQ(done.status, 200) << done.body.substr(0, 300);
  EXPECT_NE(done.body.find("data-testid=\"import-done\""), std::string::npos);
  EXPECT_NE(StaffIdByName("Trần Bình"), 0);
  EXPECT_EQ(Count("staff"), n + 1);
}

TEST_F(Api, ASecondLoginStormIsThrottledAndSignsNobodyIn) {
  auto attempt = [](const std::string& password, const std::string& remote) {
    return Anonymous("POST", "/api/v1/session",
                     "{\"username\":\"chutich\",\"password\":\"" + password + "\"}",
                     "application/json", remote);
  };
  long long sessions = Count("sessions");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(ErrorCode(attempt("sai-mat-khau", "10.7.0.1").body), "AUTH-3001");
  auto blocked = attempt("LacPhuong@2026", "10.7.0.1");
  EXPECT_EQ(blocked.status, 429);
  EXPECT_EQ(ErrorCode(blocked.body), "AUTH-3002");
  // From another address too: the account itself is throttled.
  EXPECT_EQ(attempt("LacPhuong@2026", "10.7.0.2").status, 429);
  EXPECT_EQ(Count("sessions"), sessions);
  // The failed attempts are in the audit log.
  store::Conn c = app_->db().Lease();
  EXPECT_EQ(store::ListAudit(c, {"user", "chutich", {}, 0, 10}).front().action, "login_failed");
}

TEST_F(Api, AnAddressTryingManyAccountsIsThrottledToo) {
  for (int i = 0; i < 20; ++i) {
    auto r = Anonymous("POST", "/api/v1/session",
                       "{\"username\":\"khach" + std::to_string(i) + "\",\"password\":\"x\"}",
                       "application/json", "10.8.0.1");
    EXPECT_EQ(r.status, 401);
  }
  auto blocked =
      Anonymous("POST", "/api/v1/session", R"({"username":"giamsat","password":"LacPhuong@2026"})",
                "application/json", "10.8.0.1");
  EXPECT_EQ(blocked.status, 429);
  auto elsewhere =
      Anonymous("POST", "/api/v1/session", R"({"username":"giamsat","password":"LacPhuong@2026"})",
                "application/json", "10.8.0.2");
  EXPECT_EQ(elsewhere.status, 201);
  // Once throttled, the address is refused before its body is read: a 3 MB form of repeated
  // fields (which took 45 s to parse) is answered 429 at once, on the page and the API alike.
  std::string bomb;
  for (int i = 0; i < 300000; ++i) bomb += "username=aaaaaa&";
  auto page = Anonymous("POST", "/login", bomb, "application/x-www-form-urlencoded", "10.8.0.1");
  EXPECT_EQ(page.status, 429);
  EXPECT_EQ(Anonymous("POST", "/api/v1/session", bomb, "application/json", "10.8.0.1").status, 429);
  // From an address not throttled, an oversized sign-in is refused by its size, unparsed.
  auto big = Anonymous("POST", "/login", bomb, "application/x-www-form-urlencoded", "10.8.0.3");
  EXPECT_EQ(big.status, 413);
  auto api = Anonymous("POST", "/api/v1/session", bomb, "application/json", "10.8.0.3");
  EXPECT_EQ(api.status, 413);
  EXPECT_EQ(ErrorCode(api.body), "GEN-0007");
}

// Login CSRF: another site cannot sign a visitor's browser into an account it chose. A browser
// says where a POST comes from (Origin, else Referer); the page's own form and command-line
// clients (which send neither) sign in as before.
TEST_F(Api, ASignInPostedFromAnotherSiteIsRefused) {
  auto post = [](const std::string& path, const std::string& body, const std::string& type,
                 std::map<std::string, std::string> headers) {
    headers["Content-Type"] = type;
    headers["Host"] = "xa.lacphuong.vn";
    auto req = http::Request::Make("POST", path, body, headers);
    req.remote_addr = "10.9.0.1";
    return app_->Handle(req);
  };
  std::string form = "username=chutich&password=LacPhuong%402026";
  std::string json = R"({"username":"chutich","password":"LacPhuong@2026"})";
  long long sessions = Count("sessions");
  for (auto from : std::vector<std::map<std::string, std::string>>{
           {{"Origin", "https://evil.example"}},
           {{"Origin", "null"}},
           {{"Referer", "https://evil.example/login"}},
           {{"Origin", "https://xa.lacphuong.vn.evil.example"}}}) {
    auto page = post("/login", form, "application/x-www-form-urlencoded", from);
    EXPECT_EQ(page.status, 403) << from.begin()->second;
    EXPECT_EQ(page.Header("Set-Cookie"), "");
    auto api = post("/api/v1/session", json, "application/json", from);
    EXPECT_EQ(api.status, 403);
    EXPECT_EQ(ErrorCode(api.body), "GEN-0012");
  }
  EXPECT_EQ(Count("sessions"), sessions);
  auto same = post("/login", form, "application/x-www-form-urlencoded",
                   {{"Origin", "https://XA.lacphuong.vn"}});
  EXPECT_EQ(same.status, 303);
  EXPECT_NE(same.Header("Set-Cookie").find("kt_session="), std::string::npos);
  EXPECT_EQ(post("/login", form, "application/x-www-form-urlencoded",
                 {{"Referer", "https://xa.lacphuong.vn/login?next=/"}})
                .status,
            303);
  EXPECT_EQ(post("/api/v1/session", json, "application/json", {}).status, 201);
}

// Security events — sign-ins and their failures — are seen by the city's administrators (all of
// them) and by a commune's administrators and office (those of its accounts); they were seen by
// nobody (the root's scope was compared as "/" against "/1/").
TEST_F(Api, SecurityEventsAreSeenByTheCityAndByTheirCommune) {
  auto attempt = [](const std::string& user, const std::string& password) {
    return Anonymous("POST", "/api/v1/session",
                     "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
                     "application/json", "10.6.0.1");
  };
  EXPECT_EQ(attempt("chutich", "sai-mat-khau").status, 401);
  EXPECT_EQ(attempt("khong-co-ai", "sai-mat-khau").status, 401);
  EXPECT_EQ(attempt("chutich", "LacPhuong@2026").status, 201);
  auto events = [](const Session& s) {
    auto r = Call(s, "GET", "/api/v1/audit?entity=user");
    EXPECT_EQ(r.status, 200) << r.body;
    std::multiset<std::string> out;
    boost::json::value doc = boost::json::parse(r.body);
    for (auto& e : doc.at("items").as_array())
      out.insert(std::string(e.at("action").as_string()) + " " +
                 std::string(e.at("entity_id").as_string()));
    return out;
  };
  long long chutich = 0;
  {
    store::Conn c = app_->db().Lease();
    chutich = c.QueryOne("SELECT id FROM users WHERE username = 'chutich'")->Int(0);
  }
  std::string id = std::to_string(chutich);
  auto city = events(Login("quantri"));
  EXPECT_TRUE(city.count("login " + id));
  EXPECT_TRUE(city.count("login_failed " + id));
  EXPECT_TRUE(city.count("login_failed khong-co-ai"));
  auto commune = events(Login("vanphong"));
  EXPECT_TRUE(commune.count("login " + id));
  EXPECT_TRUE(commune.count("login_failed " + id));
  EXPECT_FALSE(commune.count("login_failed khong-co-ai"));  // no account: no commune's
}

TEST_F(Api, IdleSessionsExpire) {
  auth::AuthOptions opts;
  opts.idle_timeout_seconds = 1;
  auth::AuthService strict(app_->db(), opts);
  auto login = strict.Login("giamsat", "LacPhuong@2026", "10.9.0.1");
  EXPECT_TRUE(strict.FromSession(login.session_token));
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_FALSE(strict.FromSession(login.session_token));
  // The expired session is gone from the database too.
  EXPECT_FALSE(app_->auth().FromSession(login.session_token));
}

// What the chairman reads names things in Vietnamese: indicators and rules by their names, task
// updates signed by the unit that reported them, the reminder as a sentence, the staffing grid in
// words; the codes rules are written in only for administrators who write them.
TEST_F(Api, TheChairmanReadsNamesNotInternalCodes) {
  Session chair = Login("chutich");
  auto cat = Call(chair, "GET", "/indicators");
  ASSERT_EQ(cat.status, 200);
  for (const char* code : {"POOR_HH", "HOUSEHOLDS", "KEY_TASKS_ON_TRACK", "WASTE_SORTED"}) {
    // Only inside links and ids, never as text.
    size_t at = 0;
    while ((at = cat.body.find(code, at)) != std::string::npos) {
      size_t open = cat.body.rfind('<', at), close = cat.body.rfind('>', at);
      EXPECT_TRUE(open != std::string::npos && (close == std::string::npos || open > close))
          << code << " shown: " << cat.body.substr(at > 80 ? at - 80 : 0, 160);
      at += 1;
    }
  }
  EXPECT_NE(cat.body.find("Số hộ nghèo không vượt quá tổng số hộ: Số hộ nghèo ≤ Tổng số hộ dân"),
            std::string::npos);
  Session admin = Login("quantri");
  auto admin_cat = Call(admin, "GET", "/indicators");
  EXPECT_NE(admin_cat.body.find("POOR_HH &lt;= HOUSEHOLDS"), std::string::npos);

  auto task = Call(chair, "GET", "/tasks/3");
  ASSERT_EQ(task.status, 200);
  EXPECT_EQ(task.body.find("cli"), std::string::npos);
  EXPECT_NE(task.body.find("data-testid=\"update\""), std::string::npos);

  auto staffing = Call(office_, "GET", "/staffing");
  ASSERT_EQ(staffing.status, 200);
  EXPECT_EQ(staffing.body.find(">BC "), std::string::npos);
  EXPECT_NE(staffing.body.find("Dự kiến:"), std::string::npos);

  store::Conn c = app_->db().Lease();
  long long form = c.QueryOne("SELECT MIN(id) FROM report_forms")->Int(0);
  std::string period = c.QueryOne("SELECT MAX(period_id) FROM submissions")->Str(0);
  auto status =
      Call(office_, "GET", "/reports/" + std::to_string(form) + "/" + period + "?reminded=3");
  ASSERT_EQ(status.status, 200);
  EXPECT_NE(status.body.find("Đã gửi lời nhắc tới 3 đơn vị."), std::string::npos);
}

// A staff form with several mistakes shows them all at once, each beside its field, and keeps what
// was typed; the API lists them all too. Nothing is written.
TEST_F(Api, EveryMistakeOfTheStaffFormIsShownAtOnceBesideItsField) {
  long long n = Count("staff"), seq = AuditSeq();
  auto page = Call(office_, "POST", "/staff",
                   "full_name=Tr%E1%BA%A7n+Gi%E1%BB%AF&sex=male&birth_date=31%2F02%2F1990&citizen_"
                   "id=12345&category=civil_servant&position=&unit_id=" +
                       std::to_string(UnitId("LP-VP")) + "&start_date=hom+qua",
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(page.status, 422);
  for (const char* f : {"birth_date", "citizen_id", "position", "start_date"})
    EXPECT_NE(page.body.find(std::string("id=\"") + f + "-msg\""), std::string::npos) << f;
  EXPECT_EQ(page.body.find("id=\"full_name-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"Trần Giữ\""), std::string::npos);  // kept as typed
  EXPECT_NE(page.body.find("value=\"hom qua\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"#start_date\""), std::string::npos);  // listed at the top
  auto api = Call(office_, "POST", "/api/v1/staff",
                  R"({"full_name":"Trần Giữ","sex":"male","birth_date":"31/02/1990",)"
                  R"("citizen_id":"12345","category":"civil_servant","position":"CV","unit_id":)" +
                      std::to_string(UnitId("LP-VP")) + R"(,"start_date":"01/01/2020"})");
  EXPECT_EQ(api.status, 422);
  EXPECT_EQ(ErrorCode(api.body), "GEN-0034");
  auto err = json::parse(api.body).at("error");
  EXPECT_EQ(err.at("details").as_array().size(), 2u);
  EXPECT_EQ(Count("staff"), n);
  EXPECT_EQ(AuditSeq(), seq);
}

TEST_F(Api, PagesRenderInVietnameseAndEnglish) {
  auto vi = Call(office_, "GET", "/staff?q=duc");
  ASSERT_EQ(vi.status, 200);
  EXPECT_NE(vi.body.find("Cán bộ, công chức"), std::string::npos);
  EXPECT_NE(vi.body.find("Lê Văn Đức"), std::string::npos);
  Session en = office_;
  en.cookie += "; lang=en";
  auto page = Call(en, "GET", "/");
  EXPECT_NE(page.body.find("The 10 key tasks"), std::string::npos);
  auto task = Call(office_, "GET", "/tasks/7");
  EXPECT_NE(task.body.find("đang được xây dựng"), std::string::npos);
  EXPECT_EQ(Call(office_, "GET", "/tasks/11").status, 404);
  // A refused form keeps what was typed and names the field.
  auto form = Call(office_, "POST", "/staff",
                   "full_name=Tr%E1%BA%A7n+Gi%E1%BB%AF&sex=male&birth_date=31%2F02%2F1990&citizen_"
                   "id=000190000999"
                   "&category=civil_servant&position=CV&unit_id=" +
                       std::to_string(UnitId("LP-VP")) + "&start_date=01%2F01%2F2020",
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 422);
  EXPECT_NE(form.body.find("value=\"Trần Giữ\""), std::string::npos);
  EXPECT_NE(form.body.find("Ngày sinh không phải ngày hợp lệ"), std::string::npos);
  EXPECT_NE(form.body.find("is-invalid"), std::string::npos);
}

TEST_F(Api, DisablingAUserEndsTheirSessions) {
  Session admin = Login("quantri");
  auto created =
      Call(admin, "POST", "/api/v1/users",
           R"({"username":"tamthoi","password":"Ngan-han-2026","role":"staff","scope":"LP-VP"})");
  ASSERT_EQ(created.status, 201) << created.body;
  long long person = StaffIdByName("Phan Thị Thảo");
  auto linked =
      Call(admin, "POST", "/api/v1/users",
           "{\"username\":\"thao.phan\",\"password\":\"Tam-thoi-2026\",\"role\":\"staff\","
           "\"scope\":\"LP-KT\",\"staff_id\":" +
               std::to_string(person) + "}");
  ASSERT_EQ(linked.status, 201) << linked.body;
  EXPECT_NE(Call(admin, "GET", "/api/v1/users").body.find("\"staff_id\":" + std::to_string(person)),
            std::string::npos);
  auto no_person = Call(
      admin, "POST", "/api/v1/users",
      R"({"username":"khong.co","password":"Tam-thoi-2026","role":"staff","scope":"LP","staff_id":999999})");
  EXPECT_EQ(ErrorCode(no_person.body), "AUTH-3012");
  EXPECT_EQ(
      ErrorCode(
          Call(
              admin, "POST", "/api/v1/users",
              R"({"username":"tamthoi","password":"Ngan-han-2026","role":"staff","scope":"LP-VP"})")
              .body),
      "AUTH-3004");
  EXPECT_EQ(
      ErrorCode(Call(admin, "POST", "/api/v1/users",
                     R"({"username":"yeu","password":"short","role":"staff","scope":"LP-VP"})")
                    .body),
      "AUTH-3007");
  EXPECT_EQ(
      ErrorCode(
          Call(admin, "POST", "/api/v1/users",
               R"({"username":"vaitro","password":"Tam-thoi-2026","role":"king","scope":"LP-VP"})")
              .body),
      "AUTH-3005");
  auto req = http::Request::Make("POST", "/api/v1/session",
                                 R"({"username":"tamthoi","password":"Ngan-han-2026"})",
                                 {{"Content-Type", "application/json"}});
  auto login = app_->Handle(req);
  ASSERT_EQ(login.status, 201);
  std::string cookie = login.Header("Set-Cookie").substr(0, login.Header("Set-Cookie").find(';'));
  auto me = app_->Handle(http::Request::Make("GET", "/api/v1/me", "", {{"Cookie", cookie}}));
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(Call(admin, "POST", "/api/v1/users/tamthoi/disable").status, 200);
  EXPECT_EQ(app_->Handle(http::Request::Make("GET", "/api/v1/me", "", {{"Cookie", cookie}})).status,
            401);
  EXPECT_EQ(app_->Handle(req).status, 401);
}

TEST_F(Api, ReportingPeriodsFollowDecree09) {
  auto q = Call(office_, "GET", "/api/v1/periods?type=quarter&year=2026");
  ASSERT_EQ(q.status, 200) << q.body;
  auto items = json::parse(q.body).at("items").as_array();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].at("id").as_string(), "2026Q1");
  EXPECT_EQ(items[0].at("label_vi").as_string(), "Quý I năm 2026");
  EXPECT_EQ(items[0].at("window_start").as_string(), "2025-12-15");
  EXPECT_EQ(items[0].at("window_end").as_string(), "2026-03-14");
  EXPECT_EQ(items[0].at("deadline").as_string(), "2026-03-17");
  EXPECT_FALSE(items[0].at("deadline_verified").as_bool());
  EXPECT_FALSE(json::parse(q.body).at("deadline_rule").at("verified").as_bool());
  auto all =
      json::parse(Call(office_, "GET", "/api/v1/periods?year=2026").body).at("items").as_array();
  EXPECT_EQ(all.size(), 12u + 4u + 2u + 1u + 1u);
  auto one = Call(office_, "GET", "/api/v1/periods/2026S1");
  EXPECT_EQ(json::parse(one.body).at("label_vi").as_string(), "6 tháng đầu năm 2026");
  EXPECT_EQ(json::parse(one.body).at("window_end").as_string(), "2026-06-14");
  auto tet = json::parse(Call(office_, "GET", "/api/v1/periods/2026M02").body);
  EXPECT_EQ(tet.at("deadline").as_string(), "2026-02-24");  // Tết holidays are skipped
  EXPECT_EQ(ErrorCode(Call(office_, "GET", "/api/v1/periods/2026M13").body), "REP-4001");
  EXPECT_EQ(Call(office_, "GET", "/api/v1/periods/2026M13").status, 404);
  EXPECT_EQ(ErrorCode(Call(office_, "GET", "/api/v1/periods?type=week").body), "REP-4002");
  EXPECT_EQ(ErrorField(Call(office_, "GET", "/api/v1/periods?year=20x6").body), "year");
  auto page = Call(office_, "GET", "/periods?year=2026");
  EXPECT_NE(page.body.find("Quý I năm 2026"), std::string::npos);
  EXPECT_NE(page.body.find("17/03/2026"), std::string::npos);
  EXPECT_NE(page.body.find("cần xác minh"), std::string::npos);
}

TEST_F(Api, TheDispatchsTenTasksCarryDerivedStatuses) {
  auto all = Call(office_, "GET", "/api/v1/tasks");
  ASSERT_EQ(all.status, 200) << all.body;
  auto items = json::parse(all.body).at("items").as_array();
  ASSERT_EQ(items.size(), 10u);
  EXPECT_EQ(items[2].at("title").as_string(),
            "Triển khai phần mềm đánh giá KPI và kế hoạch tinh giản biên chế giai đoạn 2026-2031.");
  std::map<std::string, int> by_status;
  for (auto& i : items) ++by_status[std::string(i.at("status").as_string())];
  EXPECT_EQ(by_status["done_on_time"], 1);
  EXPECT_EQ(by_status["done_late"], 1);
  EXPECT_EQ(by_status["no_deadline"], 1);
  EXPECT_GE(by_status["open_on_time"], 5);
  auto overdue = json::parse(Call(office_, "GET", "/api/v1/tasks?status=open_overdue").body)
                     .at("items")
                     .as_array();
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].at("key_no").as_int64(), 3);
  EXPECT_EQ(ErrorCode(Call(office_, "GET", "/api/v1/tasks?status=late-ish").body), "DIR-2009");
  auto directives =
      json::parse(Call(office_, "GET", "/api/v1/directives").body).at("items").as_array();
  ASSERT_EQ(directives.size(), 1u);
  EXPECT_EQ(directives[0].at("signer_authority").as_string(), "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
  auto page = Call(office_, "GET", "/tasks/3");
  EXPECT_NE(page.body.find("Đang thực hiện quá hạn"), std::string::npos);
  auto overdue_page = Call(office_, "GET", "/tasks?status=open_overdue");
  EXPECT_EQ(overdue_page.status, 200);
  EXPECT_NE(overdue_page.body.find("NV03"), std::string::npos);
  EXPECT_EQ(overdue_page.body.find("NV04"), std::string::npos);
  auto dash = Call(office_, "GET", "/");
  EXPECT_NE(dash.body.find("nhiệm vụ trọng tâm đang quá hạn"), std::string::npos);
}

TEST_F(Api, ProgressUpdatesAreValidatedAndScopedToTheLeadUnit) {
  auto id_of = [&](int key_no) {
    json::value list = json::parse(Call(office_, "GET", "/api/v1/tasks").body);
    for (auto& i : list.at("items").as_array())
      if (i.at("key_no").as_int64() == key_no) return i.at("id").as_int64();
    return int64_t{0};
  };
  std::string t4 = std::to_string(id_of(4)), t1 = std::to_string(id_of(1)),
              t10 = std::to_string(id_of(10)), t3 = std::to_string(id_of(3));
  Session head =
      Login("truongphong");  // head of Phòng Kinh tế: leads task 10, cooperates on task 3
  long long n = Count("task_updates"), seq = AuditSeq();
  auto post = [&](const Session& s, const std::string& id, const std::string& body) {
    return Call(s, "POST", "/api/v1/tasks/" + id + "/updates", body);
  };
  auto refused = [&](const http::Response& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(ErrorCode(r.body), code) << r.body;
    EXPECT_EQ(Count("task_updates"), n);
    EXPECT_EQ(AuditSeq(), seq);
  };
  refused(post(office_, t4, R"({"percent":150,"narrative":"x"})"), 422, "DIR-2002");
  refused(post(office_, t4, R"({"percent":"90"})"), 422, "GEN-0002");
  refused(post(office_, t4, R"({"percent":90,"on_date":"01/01/2030"})"), 422, "DIR-2003");
  refused(post(office_, t4, R"({"percent":90,"on_date":"31/02/2026"})"), 422, "GEN-0008");
  refused(post(office_, t4, R"({"percent":10})"), 422, "DIR-2010");
  refused(post(office_, t1, R"({"percent":100,"narrative":"again"})"), 409, "DIR-2006");
  refused(post(head, t3, R"({"percent":95,"narrative":"x"})"), 403, "GEN-0011");
  refused(post(head, t4, R"({"percent":95,"narrative":"x"})"), 404,
          "DIR-2007");  // not theirs to see
  auto ok = post(
      head, t10,
      R"({"percent":50,"narrative":"Mở rộng phân loại rác ra 5 thôn.","difficulties":"Thiếu thùng rác phân loại."})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(json::parse(ok.body).at("progress").as_int64(), 50);
  EXPECT_EQ(Count("task_updates"), n + 1);
  auto done =
      post(office_, t4, R"({"percent":100,"completed":"true","narrative":"60/60 đã hoàn thành."})");
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(json::parse(done.body).at("status").as_string(), "done_on_time");
  auto detail = json::parse(Call(office_, "GET", "/api/v1/tasks/" + t4).body);
  // Signed with the person's name, as the task page shows it, not their user name.
  EXPECT_EQ(detail.at("updates").as_array().front().at("author").as_string(), "Phạm Thị Lan");
}

TEST_F(Api, TheOfficeAssignsTasksUnderADirective) {
  auto directives = json::parse(Call(office_, "GET", "/api/v1/directives").body);
  std::string id = std::to_string(directives.at("items").as_array()[0].at("id").as_int64());
  std::string target = "/api/v1/directives/" + id + "/tasks";
  auto task = [&](const std::string& code, long long lead, const std::string& start,
                  const std::string& deadline) {
    return "{\"code\":\"" + code +
           "\",\"title\":\"Rà soát hộ cận nghèo quý IV\",\"lead_unit_id\":" + std::to_string(lead) +
           ",\"cooperating_unit_ids\":[" + std::to_string(UnitId("LP-T01")) + "," +
           std::to_string(UnitId("LP-T02")) + "],\"start_on\":\"" + start + "\",\"deadline\":\"" +
           deadline + "\"}";
  };
  long long tasks = Count("tasks"), seq = AuditSeq();
  auto refused = [&](const http::Response& r, int status, const std::string& code,
                     const std::string& field) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(ErrorCode(r.body), code) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(ErrorField(r.body), field) << r.body;
    }
    EXPECT_EQ(Count("tasks"), tasks);
    EXPECT_EQ(AuditSeq(), seq);
  };
  long long vhxh = UnitId("LP-VHXH");
  refused(Call(office_, "POST", target, task("NV-CN4", vhxh, "01/12/2026", "30/11/2026")), 422,
          "DIR-2001", "deadline");
  refused(Call(office_, "POST", target, task("NV-CN4", UnitId("HP"), "01/12/2026", "31/12/2026")),
          422, "DIR-2011", "lead_unit_id");
  refused(Call(office_, "POST", target, task("NV01", vhxh, "01/12/2026", "31/12/2026")), 409,
          "DIR-2012", "code");
  refused(Call(office_, "POST", target, task("nv cn", vhxh, "01/12/2026", "31/12/2026")), 422,
          "DIR-2013", "code");
  Session head = Login("truongphong");
  seq = AuditSeq();
  refused(Call(head, "POST", target, task("NV-CN4", vhxh, "01/12/2026", "31/12/2026")), 403,
          "GEN-0011", "");
  auto ok = Call(office_, "POST", target, task("NV-CN4", vhxh, "01/12/2026", "31/12/2026"));
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto created = json::parse(ok.body);
  EXPECT_EQ(created.at("status").as_string(), "open_on_time");
  EXPECT_EQ(created.at("cooperating_units").as_array().size(), 2u);
  EXPECT_EQ(Count("tasks"), tasks + 1);
  // The same through the page form, with checkboxes for the cooperating units.
  auto form = Call(office_, "POST", "/directives/" + id + "/tasks",
                   "code=NV-CN5&title=Ki%E1%BB%83m+tra&lead_unit_id=" + std::to_string(vhxh) +
                       "&cooperating_unit_ids=" + std::to_string(UnitId("LP-T03")) +
                       "&cooperating_unit_ids=" + std::to_string(UnitId("LP-T04")) +
                       "&start_on=01%2F12%2F2026",
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 303) << form.body.substr(0, 300);
  auto listed = json::parse(Call(office_, "GET", "/api/v1/tasks").body);
  bool found = false;
  for (auto& t : listed.at("items").as_array())
    if (t.at("code").as_string() == "NV-CN5") {
      found = true;
      EXPECT_EQ(t.at("cooperating_units").as_array().size(), 2u);
      EXPECT_EQ(t.at("status").as_string(), "no_deadline");
    }
  EXPECT_TRUE(found);
}

TEST_F(Api, ChangingOnesPasswordNeedsTheCurrentOneAndEndsOtherSessions) {
  Session admin = Login("quantri");
  ASSERT_EQ(
      Call(
          admin, "POST", "/api/v1/users",
          R"({"username":"doi.matkhau","password":"Mat-khau-cu-1","role":"staff","scope":"LP-VP"})")
          .status,
      201);
  auto login = [](const std::string& password, const std::string& remote) {
    auto req =
        http::Request::Make("POST", "/api/v1/session",
                            "{\"username\":\"doi.matkhau\",\"password\":\"" + password + "\"}",
                            {{"Content-Type", "application/json"}});
    req.remote_addr = remote;
    return app_->Handle(req);
  };
  auto first = login("Mat-khau-cu-1", "10.5.0.1");
  auto second = login("Mat-khau-cu-1", "10.5.0.2");
  ASSERT_EQ(first.status, 201);
  Session s{first.Header("Set-Cookie").substr(0, first.Header("Set-Cookie").find(';')),
            std::string(json::parse(first.body).at("csrf_token").as_string()), "doi.matkhau"};
  std::string other = second.Header("Set-Cookie").substr(0, second.Header("Set-Cookie").find(';'));
  auto form = "application/x-www-form-urlencoded";
  auto wrong =
      Call(s, "POST", "/account/password", "current=sai-roi&password=Mat-khau-moi-2", form);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("Mật khẩu hiện tại không đúng"), std::string::npos);
  auto weak = Call(s, "POST", "/account/password", "current=Mat-khau-cu-1&password=ngan", form);
  EXPECT_EQ(weak.status, 422);
  // Each beside its field: the current password's mistake under it, the new one's under that one.
  EXPECT_NE(wrong.body.find("id=\"current-msg\""), std::string::npos);
  EXPECT_NE(weak.body.find("id=\"password-msg\""), std::string::npos);
  EXPECT_EQ(weak.body.find("id=\"current-msg\""), std::string::npos);
  // A common password, the user name with digits, and the current password again: each refused
  // with its own message.
  for (auto [tried, message] : std::vector<std::pair<std::string, std::string>>{
           {"password12", "quá phổ biến"},
           {"Doi.Matkhau-2026", "không được chứa tên đăng nhập"},
           {"Mat-khau-cu-1", "phải khác mật khẩu hiện tại"}}) {
    auto r = Call(s, "POST", "/account/password", "current=Mat-khau-cu-1&password=" + tried, form);
    EXPECT_EQ(r.status, 422) << tried;
    EXPECT_NE(r.body.find(message), std::string::npos) << tried;
  }
  EXPECT_EQ(login("Mat-khau-cu-1", "10.5.0.3").status, 201);  // nothing changed so far
  auto ok =
      Call(s, "POST", "/account/password", "current=Mat-khau-cu-1&password=Mat-khau-moi-2", form);
  EXPECT_EQ(ok.status, 200) << ok.body.substr(0, 300);
  EXPECT_EQ(login("Mat-khau-cu-1", "10.5.0.4").status, 401);
  EXPECT_EQ(login("Mat-khau-moi-2", "10.5.0.5").status, 201);
  // The session that changed it stays; the other one has ended.
  EXPECT_EQ(
      app_->Handle(http::Request::Make("GET", "/api/v1/me", "", {{"Cookie", s.cookie}})).status,
      200);
  EXPECT_EQ(app_->Handle(http::Request::Make("GET", "/api/v1/me", "", {{"Cookie", other}})).status,
            401);
}

TEST_F(Api, TheAuditChainVerifiesAfterAllOfThis) {
  store::Conn c = app_->db().Lease();
  auto v = store::VerifyAudit(c);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_GT(v.entries, 90);
}

TEST_F(Api, TheRuleInForceTheDayBeforeOnAndAfterAnEffectiveDate) {
  Session s = Login("truongthon");  // every role may read the rules
  auto in_force = [&](const std::string& on) {
    auto r = Call(s, "GET", "/api/v1/rules?on=" + on);
    EXPECT_EQ(r.status, 200) << r.body;
    boost::json::value doc = boost::json::parse(r.body);  // Find answers into it: keep it alive
    return std::string(
        Find(doc.at("sets"), "id", "base-salary").at("in_force").at("file").as_string());
  };
  EXPECT_EQ(in_force("2024-06-30"), "base-salary-2023.toml");
  EXPECT_EQ(in_force("2024-07-01"), "base-salary-2024.toml");
  EXPECT_EQ(in_force("2024-07-02"), "base-salary-2024.toml");
  EXPECT_EQ(in_force("2019-07-01"), "base-salary-2019.toml");
  auto before = boost::json::parse(Call(s, "GET", "/api/v1/rules?on=2019-06-30").body);
  EXPECT_TRUE(Find(before.at("sets"), "id", "base-salary").at("in_force").is_null());
  EXPECT_EQ(ErrorCode(Call(s, "GET", "/api/v1/rules?on=30/02/2026").body), "GEN-0008");
  // The page lists every set, marks the version in force today and what is still unverified.
  auto page = Call(s, "GET", "/rules");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-rule-set=\"base-salary\""), std::string::npos);
  EXPECT_NE(page.body.find("data-rule-set=\"kpi\""), std::string::npos);
  EXPECT_NE(page.body.find("Nghị định 73/2024/NĐ-CP"), std::string::npos);
  EXPECT_NE(page.body.find("data-testid=\"in-force\""), std::string::npos);
  EXPECT_NE(page.body.find("cần xác minh"), std::string::npos);
}

}  // namespace kientao::testing
