#include "modules/services/domain/dossier.hpp"

#include <gtest/gtest.h>

namespace kientao::services {

namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

// Tết Bính Ngọ as holidays-2026.toml gives it: Monday 16/02 to Friday 20/02/2026.
WorkingCalendar Tet2026() {
  WorkingCalendar cal;
  for (const char* d : {"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"})
    cal.AddHoliday(D(d), "Tết Nguyên đán");
  cal.AddWorkingWeekend(D("2026-01-10"));
  return cal;
}

DossierDraft Valid() {
  DossierDraft d;
  d.code = "000.26.01.H26-261102-0001";
  d.procedure_id = 1;
  d.unit_id = 1;
  d.received_on = D("2026-11-02");
  d.due_on = D("2026-11-05");
  d.channel = Channel::kOnline;
  d.full_process_online = true;
  return d;
}

std::vector<std::string> Fields(const std::vector<FieldError>& v) {
  std::vector<std::string> out;
  for (auto& e : v) out.push_back(e.field + " " + e.code);
  return out;
}

}  // namespace

TEST(DueDate, CountsWorkingDaysAfterTheDayOfReceiptAcrossTet) {
  WorkingCalendar cal = Tet2026();
  // Friday 13/02/2026, 3 working days: Tết takes the week of 16/02, so Wednesday 25/02.
  EXPECT_EQ(DueDate(cal, D("2026-02-13"), 3), D("2026-02-25"));
  EXPECT_EQ(DueDate(cal, D("2026-02-13"), 1), D("2026-02-23"));
  // A Monday, 5 working days: the Monday after.
  EXPECT_EQ(DueDate(cal, D("2026-11-02"), 5), D("2026-11-09"));
  // Received on Friday 09/01/2026, 1 day: Saturday 10/01 is a working day that year.
  EXPECT_EQ(DueDate(cal, D("2026-01-09"), 1), D("2026-01-10"));
  // Handled the same day.
  EXPECT_EQ(DueDate(cal, D("2026-11-02"), 0), D("2026-11-02"));
}

TEST(Timeliness, BeforeOnAndAfterTheAppointment) {
  EXPECT_EQ(TimelinessOf(D("2026-11-05"), D("2026-11-04")), Timeliness::kEarly);
  EXPECT_EQ(TimelinessOf(D("2026-11-05"), D("2026-11-05")), Timeliness::kOnTime);
  EXPECT_EQ(TimelinessOf(D("2026-11-05"), D("2026-11-06")), Timeliness::kLate);
}

TEST(Rates, BothDenominatorsAndNullWithoutDossiers) {
  StatsCounts c;
  c.received = 200;
  c.full_process_online = 50;
  c.received_full_procedures = 80;
  c.resolved = 40;
  c.early = 30;
  c.on_time = 6;
  c.late = 4;
  c.to_handle = 250;
  c.late_to_handle = 10;
  c.with_fee = 8;
  c.paid_online = 2;
  StatsRates r = RatesOf(c);
  EXPECT_DOUBLE_EQ(*r.full_process_rate_all, 25.0);
  EXPECT_DOUBLE_EQ(*r.full_process_rate_online_procedures, 62.5);
  EXPECT_DOUBLE_EQ(*r.on_time_rate, 90.0);
  EXPECT_DOUBLE_EQ(*r.late_rate_to_handle, 4.0);
  EXPECT_DOUBLE_EQ(*r.online_payment_rate, 25.0);
  StatsRates none = RatesOf(StatsCounts{});
  EXPECT_FALSE(none.full_process_rate_all);
  EXPECT_FALSE(none.full_process_rate_online_procedures);
  EXPECT_FALSE(none.on_time_rate);
  EXPECT_FALSE(none.online_payment_rate);
  // Received dossiers but none under a full-process procedure: that rate has no denominator.
  StatsCounts only_counter;
  only_counter.received = 5;
  EXPECT_DOUBLE_EQ(*RatesOf(only_counter).full_process_rate_all, 0.0);
  EXPECT_FALSE(RatesOf(only_counter).full_process_rate_online_procedures);
}

TEST(ValidateDossier, AcceptsAFullProcessOnlineDossier) {
  EXPECT_TRUE(ValidateDossier(Valid(), OnlineLevel::kFull, D("2026-11-28")).empty());
}

TEST(ValidateDossier, RefusesFullProcessAtTheCounterOrWithoutTheService) {
  DossierDraft d = Valid();
  d.channel = Channel::kCounter;
  EXPECT_EQ(Fields(ValidateDossier(d, OnlineLevel::kFull, D("2026-11-28"))),
            std::vector<std::string>{"full_process_online SVC-8008"});
  d.channel = Channel::kOnline;
  EXPECT_EQ(Fields(ValidateDossier(d, OnlineLevel::kPartial, D("2026-11-28"))),
            std::vector<std::string>{"full_process_online SVC-8009"});
  d.full_process_online = false;
  EXPECT_TRUE(ValidateDossier(d, OnlineLevel::kPartial, D("2026-11-28")).empty());
}

TEST(ValidateDossier, RefusesDatesOutOfOrderAndEveryProblemAtOnce) {
  DossierDraft d = Valid();
  d.due_on = D("2026-11-01");
  d.returned_on = D("2026-10-30");
  d.code = "HS 01";
  d.received_time = "25:00";
  d.citizen_id = "12345";
  auto problems = Fields(ValidateDossier(d, OnlineLevel::kFull, D("2026-11-28")));
  EXPECT_EQ(problems, (std::vector<std::string>{"code SVC-8018", "citizen_id GEN-0014",
                                                "received_time GEN-0014", "due_on SVC-8007",
                                                "returned_on SVC-8006"}));
  // Nothing received or returned after today.
  DossierDraft later = Valid();
  later.received_on = D("2026-11-29");
  later.due_on = D("2026-12-02");
  EXPECT_EQ(Fields(ValidateDossier(later, OnlineLevel::kFull, D("2026-11-28"))),
            std::vector<std::string>{"received_on GEN-0008"});
}

TEST(ValidateProcedure, NamesEachBadField) {
  ProcedureDraft p;
  p.code = "1.001612";
  p.name = "Đăng ký khai sinh";
  p.handling_days = 1;
  EXPECT_TRUE(ValidateProcedure(p).empty());
  p.code = "";
  p.name = "";
  p.handling_days = 400;
  EXPECT_EQ(Fields(ValidateProcedure(p)),
            (std::vector<std::string>{"code GEN-0004", "name GEN-0004", "handling_days SVC-8016"}));
}

TEST(Codes, RoundTripAndRefuseUnknown) {
  for (Status s : AllStatuses()) EXPECT_EQ(ParseStatus(StatusCode(s)), s);
  EXPECT_EQ(ParseChannel("post"), Channel::kPost);
  EXPECT_FALSE(ParseChannel("fax"));
  EXPECT_EQ(ParseOnlineLevel("full"), OnlineLevel::kFull);
  EXPECT_FALSE(ParseOnlineLevel("toan_trinh"));
  EXPECT_TRUE(ValidTime("08:30"));
  EXPECT_FALSE(ValidTime("8:30"));
}

}  // namespace kientao::services
