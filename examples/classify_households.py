"""Classify households under the standard in force and explain one decision.

Situations drawn from the provincial reports vnlabor started from (synthetic households,
not real people): a rural household in Phú Lương at the 2022-2025 line, the same
household under the 2016-2020 standard and under Decree 351/2025, and one in Đồng Nai
under the provincial 2022-2025 standard.
"""

from datetime import date

import vnlabor as vl
from vnlabor.law import bundled_overlay, national

D = vl.Deprivation
household = vl.Household(
    household_id="PL-002",
    area="nông thôn",
    monthly_income_per_capita="1.500.000",
    deprivations={D.EMPLOYMENT, D.DEPENDANTS},
)

for day in (date(2020, 6, 1), date(2024, 3, 1), date(2027, 6, 1)):
    c = vl.classify(household, on=day)
    print(f"{day:%d/%m/%Y}: {c.status.value} ({c.standard.instrument})")

print()
print(vl.classify(household, on=date(2024, 3, 1)).explain("vi"))

dong_nai = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
c = vl.classify(household, on=date(2024, 3, 1), law=dong_nai)
print()
print(c.explain("en", law=dong_nai))
assert c.status is vl.PovertyStatus.POOR  # 2.0M line and at least 2 deprivations
