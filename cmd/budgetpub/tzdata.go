package main

// The time-zone database is embedded, so that TZ=Asia/Shanghai is honoured
// where the system has none (a scratch or distroless container, docs/scale.md):
// “today” — the date a review, a site and a roster's deadlines are counted
// from when --as-of is not given — is then China's, not UTC's, which is
// the day before until 08:00. About 450 KB.
import _ "time/tzdata"
