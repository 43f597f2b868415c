# Prepares the high-stakes tables under data/datasets/ from Debian's R packages (run once by hand:
# `Rscript tools/data/prepare-high-stakes.R` from the repository root; not run at install or test).
# Output: plain CSV, one header row, categorical columns written as their level names, last column
# `label`. Provenance, units and codings: data/datasets/README.md.
#
# Sources: caret's GermanCredit (Statlog German credit, Hofmann 1994, UCI), AER's HMDA (Boston HMDA,
# Munnell et al. 1996, as in Stock and Watson's textbook), modeldata's credit_data (credit scoring data
# of the "credit" package, Agustin Sanchez / Universitat Politecnica de Catalunya).
suppressMessages({ library(caret); library(AER); library(modeldata) })
out <- "data/datasets"

# caret ships German credit one-hot coded (one column per level, every row exactly one 1 per group).
# Reconstruct each group as one categorical column holding the level name.
undummy <- function(g, prefix, names) {
  cols <- paste0(prefix, ".", names(names))
  m <- as.matrix(g[, cols])
  stopifnot(all(rowSums(m) == 1))
  unname(names[max.col(m, ties.method = "first")])
}
data(GermanCredit, package = "caret")
g <- GermanCredit
personal <- undummy(g, "Personal", c(Male.Divorced.Seperated = "m-div", Female.NotSingle = "f-ns",
  Male.Single = "m-single", Male.Married.Widowed = "m-mw", Female.Single = "f-single"))
german <- data.frame(
  duration_months = g$Duration,
  amount_dm = g$Amount,
  installment_rate_pct = g$InstallmentRatePercentage,
  residence_years = g$ResidenceDuration,
  age_years = g$Age,
  existing_credits = g$NumberExistingCredits,
  dependents = g$NumberPeopleMaintenance,
  checking_account = undummy(g, "CheckingAccountStatus", c(lt.0 = "< 0 DM", `0.to.200` = "0-200 DM", gt.200 = ">= 200 DM", none = "none")),
  credit_history = undummy(g, "CreditHistory", c(NoCredit.AllPaid = "no credits / all paid", ThisBank.AllPaid = "all paid at this bank",
    PaidDuly = "existing paid duly", Delay = "past delays", Critical = "critical account")),
  purpose = undummy(g, "Purpose", c(NewCar = "new car", UsedCar = "used car", Furniture.Equipment = "furniture/equipment",
    Radio.Television = "radio/television", DomesticAppliance = "domestic appliance", Repairs = "repairs", Education = "education",
    Vacation = "vacation", Retraining = "retraining", Business = "business", Other = "other")),
  savings = undummy(g, "SavingsAccountBonds", c(lt.100 = "< 100 DM", `100.to.500` = "100-500 DM", `500.to.1000` = "500-1000 DM",
    gt.1000 = ">= 1000 DM", Unknown = "unknown/none")),
  employment = undummy(g, "EmploymentDuration", c(Unemployed = "unemployed", lt.1 = "< 1 year", `1.to.4` = "1-4 years",
    `4.to.7` = "4-7 years", gt.7 = ">= 7 years")),
  # Personal status mixes sex and marital status; only sex is kept (the protected attribute): every
  # woman in the data is "divorced/separated/married" (the "female single" level has no rows), so a
  # marital column would be determined by sex for women and setting sex alone would create
  # combinations the data never has.
  sex = ifelse(substr(personal, 1, 1) == "f", "female", "male"),
  other_debtors = undummy(g, "OtherDebtorsGuarantors", c(None = "none", CoApplicant = "co-applicant", Guarantor = "guarantor")),
  property = undummy(g, "Property", c(RealEstate = "real estate", Insurance = "savings/life insurance", CarOther = "car or other", Unknown = "unknown/none")),
  other_installments = undummy(g, "OtherInstallmentPlans", c(Bank = "bank", Stores = "stores", None = "none")),
  housing = undummy(g, "Housing", c(Rent = "rent", Own = "own", ForFree = "for free")),
  job = undummy(g, "Job", c(UnemployedUnskilled = "unemployed/unskilled non-resident", UnskilledResident = "unskilled resident",
    SkilledEmployee = "skilled employee", Management.SelfEmp.HighlyQualified = "management/self-employed/highly qualified")),
  telephone = ifelse(g$Telephone == 1, "yes", "no"),
  foreign_worker = ifelse(g$ForeignWorker == 1, "yes", "no"),
  label = ifelse(g$Class == "Good", "good", "bad"),
  stringsAsFactors = FALSE)
write.csv(german, file.path(out, "german_credit.csv"), row.names = FALSE, quote = TRUE)

data(HMDA, package = "AER")
h <- HMDA
yn <- function(f) as.character(f)
# The ratios are stored as single-precision floats in AER; signif(, 7) prints them as published.
hmda <- data.frame(
  payment_income_ratio = signif(h$pirat, 7),
  housing_income_ratio = signif(h$hirat, 7),
  loan_value_ratio = signif(h$lvrat, 7),
  consumer_credit_score = as.integer(as.character(h$chist)),
  mortgage_credit_score = as.integer(as.character(h$mhist)),
  public_bad_record = yn(h$phist),
  unemployment_rate_pct = signif(h$unemp, 7),
  self_employed = yn(h$selfemp),
  insurance_denied = yn(h$insurance),
  condominium = yn(h$condomin),
  race = ifelse(h$afam == "yes", "african american", "white"),
  single = yn(h$single),
  high_school = yn(h$hschool),
  label = ifelse(h$deny == "yes", "denied", "approved"),
  stringsAsFactors = FALSE)
write.csv(hmda, file.path(out, "hmda.csv"), row.names = FALSE, quote = TRUE)

data(credit_data, package = "modeldata")
cd <- credit_data[complete.cases(credit_data), ]
credit <- data.frame(
  seniority_years = cd$Seniority,
  home = as.character(cd$Home),
  time_months = cd$Time,
  age_years = cd$Age,
  marital = as.character(cd$Marital),
  records = as.character(cd$Records),
  job = as.character(cd$Job),
  expenses = cd$Expenses,
  income = cd$Income,
  assets = cd$Assets,
  debt = cd$Debt,
  amount = cd$Amount,
  price = cd$Price,
  label = as.character(cd$Status),
  stringsAsFactors = FALSE)
write.csv(credit, file.path(out, "credit_data.csv"), row.names = FALSE, quote = TRUE)

cat(sprintf("german_credit.csv %d rows; hmda.csv %d rows; credit_data.csv %d rows (of %d, rows with a missing value dropped)\n",
  nrow(german), nrow(hmda), nrow(credit), nrow(credit_data)))
cat(sprintf("caret %s, AER %s, modeldata %s\n", packageVersion("caret"), packageVersion("AER"), packageVersion("modeldata")))
