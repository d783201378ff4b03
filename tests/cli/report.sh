#!/bin/sh
# The owner's month: every figure of DESIGN.md section 6 for Aban 1405 in a
# Tehran shop, worked out by hand below, plus Mehr and Khordad for NPS
# rounding and an undefined retention, the trend, and the owner's lists.
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

# Now: 1 Azar 1405 (2026-11-22) 12:00 Tehran.  Aban 1405 is
# [2026-10-23 00:00, 2026-11-22 00:00) Tehran = [2026-10-22T20:30Z, 2026-11-21T20:30Z).
export WAFA_NOW=1795336200

w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran
w tier set Bronze --min-spend 0 --multiplier 100
w tier set Silver --min-spend 3000000 --multiplier 200
w reward add --code R1 --name "Gift" --points 200

add() { wj customer add --name "$1" --at "$2 10:00" --consent yes; }
add A 2026-05-01   # 1
add B 2026-06-01   # 2
add C 2026-07-01   # 3
add D 2026-07-15   # 4
add E 2026-11-05   # 5: enrolled in Aban, never buys
add F 2026-09-01   # 6
add G 2026-10-24   # 7
add I 2026-08-30   # 8
expect .id 8 "eight customers"

buy() { wj purchase add --customer "$1" --amount "$2" --at "$3 10:00"; expect_rc 0 "sale $1 $3"; }
# Ledger (Bronze x100, Silver x200 from a window spend of 3,000,000):
buy 1 1000000 2026-06-01 # A +100
buy 2 800000 2026-07-10  # B +80
buy 3 600000 2026-08-01  # C +60
buy 3 400000 2026-08-05  # C +40
buy 4 300000 2026-08-10  # D +30
buy 8 1200000 2026-09-10 # I +120
buy 1 2000000 2026-09-25 # A +200 (Bronze before), now Silver
buy 6 3500000 2026-10-01 # F +350, Silver
buy 1 500000 2026-10-25  # A +100 (Silver x200)
expect .points_earned 100 "A earns at Silver"
buy 7 2000000 2026-10-26 # G +200
g_sale=$(printf '%s' "$out" | jq -r .purchase_id)
buy 4 700000 2026-11-01  # D +70
buy 1 1500000 2026-11-10 # A +300
f_sale=8
wj redeem 7 --reward R1 --at "2026-10-27 10:00"            # G -200 -> 0
wj purchase return --purchase "$g_sale" --amount 2000000 --at "2026-10-28 10:00"
expect .points_balance -200 "G below zero"                 # G -200 -> -200
wj purchase return --purchase $f_sale --amount 1000000 --at "2026-10-30 10:00"
expect .refunded 1000000 "F's refund"                      # 3.5M x 1/3.5
expect .points_reversed 100 "F's reversal"                 # 350 x 1/3.5

# Answers: Mehr 1 promoter + 7 passives; Aban 1 promoter + 2 detractors.
ask() { wj survey add "$1" --score "$2" --at "$3 10:00"; expect_rc 0 "survey $1 $3"; }
ask 1 9 2026-09-26; ask 2 8 2026-09-27; ask 3 7 2026-09-28; ask 4 8 2026-09-29
ask 6 7 2026-10-02; ask 2 7 2026-10-03; ask 3 8 2026-10-04; ask 4 7 2026-10-05
ask 1 9 2026-11-15; ask 3 3 2026-11-16; ask 4 6 2026-11-17

# Aban is checked twice: first while nothing is dated after its end (the
# figures come from the per-customer summaries), then after a customer is
# enrolled after it (the figures come from the sales and the ledger).
check_aban() {
wj report month 1405-08
expect_rc 0 "report Aban ($1)"
expect .month 1405-08 "month"
expect .start 2026-10-23T00:00:00+03:30 "Aban starts"
expect .end 2026-11-22T00:00:00+03:30 "Aban ends"
expect .sales_count 4 "sales: A 10-25, G 10-26, D 11-01, A 11-10"
expect .sales_amount 4700000 "500k + 2M + 700k + 1.5M"
expect .paid_amount 4700000 "no points paid"
expect .refunded_amount 3000000 "G 2M + F 1M, dated in Aban"
expect .net_revenue 1700000 "4.7M - 3M"
expect .avg_check 1175000 "4.7M / 4"
expect .active_customers 3 "A, G, D"
expect .new_customers 1 "G's first sale"
expect .returning_customers 2 "A, D"
expect .repeat_sales 3 "A, D, A"
expect .repeat_purchase_rate 0.75 "3 / 4"
expect .avg_check_first 2000000 "G's 2M"
expect .avg_check_repeat 900000 "2.7M / 3"
expect .enrolled 2 "E and G"
expect .members 8 "A-G and I; H enrolled after the end"
expect .retention_rate 0.5 "of A and F (Mehr), A came back"
expect .churned 1 "C: last sale 2026-08-05 in [07-25, 08-24)"
expect .churn_rate 0.2 "C of C, D, I, A, F with a sale in [07-25, 10-23)"
expect .points_earned 670 "100 + 200 + 70 + 300"
expect .points_redeemed 200 "G's reward"
expect .points_expired 0 "nothing is a year old"
expect .points_reversed 300 "G 200 + F 100"
expect .points_restored 0 "no points paid"
expect .points_adjusted 0 "no adjustment"
expect .points_outstanding 1150 "A 700 + B 80 + C 100 + D 100 + F 250 + G -200 + I 120"
expect .points_liability 135000 "(1,350 without G's -200) x 100"
expect .rewards_redeemed 1 "one reward"
expect .nps_responses 3 "three answers"
expect .promoters 1 "A"
expect .passives 0 "none"
expect .detractors 2 "C and D"
expect .nps -33 "100 x (1 - 2) / 3 = -33.3"
expect .tiers.Silver 1 "A: 5M in the window"
expect .tiers.Bronze 7 "F fell to 2.5M after its return; G to 0"
expect '.ladder.prospect' 1 "E"
expect '.ladder.one_time' 4 "B, F, G, I"
expect '.ladder.repeat' 2 "C, D"
expect '.ladder.loyal' 1 "A: 4 sales, one in 90 days, latest score 9"
expect '.ladder.regular' 0 "none"
expect '.ladder.lapsed' 0 "none"
expect '[.ladder[]] | add' 8 "the ladder partitions the members"
expect .clv_avg 1642857 "11.5M over 7 buyers, floored"
}
check_aban "summaries"
wj customer add --name H --at "2026-11-22 09:00" # 9: after Aban's end
check_aban "history"

wj report month 1405-07
expect .start 2026-09-23T00:00:00+03:30 "Mehr starts"
expect .sales_count 2 "A and F"
expect .net_revenue 5500000 "F's return in Aban does not touch Mehr"
expect .nps 13 "100 x 1 / 8 = 12.5, half away from zero"
expect .retention_rate 0 "I bought in Shahrivar, not in Mehr"
wj report month 1405-03
expect .retention_rate null "nobody bought in Ordibehesht"
expect .churn_rate null "nobody bought in the 90 days before Khordad"
expect .nps null "no answers"

wj report trend --months 3 --to 1405-08
expect '[.[].month] | join(",")' "1405-06,1405-07,1405-08" "three months in order"
expect '[.[].sales_count] | join(",")' "1,2,4" "sales by month"

w report month 1405-08 --csv
expect_eq "$(printf '%s\n' "$out" | wc -l)" 2 "CSV: a header and one row"
col() { printf '%s\n' "$out" | tr -d '\r' | awk -F, -v k="$1" 'NR==1{for(i=1;i<=NF;i++)if($i==k)c=i} NR==2{print $c}'; }
expect_eq "$(col net_revenue)" 1700000 "CSV net_revenue"
expect_eq "$(col tiers.Silver)" 1 "CSV tiers.Silver"
expect_eq "$(col ladder.one_time)" 4 "CSV ladder.one_time"
expect_eq "$(col repeat_purchase_rate)" 0.7500 "CSV rate with four decimals"

wj report at-risk
expect '[.[].id] | join(",")' 8 "I: last sale 73 days ago"
wj report expiring --days 200
expect '[.[].id] | join(",")' 1 "only A's June lot expires by 2027-06-10"
expect '.[0].points' 100 "A's first lot"
expect '.[0].expires' 2027-06-01T10:00:00+03:30 "a year after it was earned"
wj report top --month 1405-08
expect '[.[].id] | join(",")' "1,4,7,6" "A 2M, D 700k, G 0, F -1M"
expect '[.[].net_revenue] | join(",")' "2000000,700000,0,-1000000" "net revenue per customer"
wj report detractors
expect '[.[].customer_id] | join(",")' "3,4" "C and D to call back"

# Umm al-Qura: Ramadan 1447 is [2026-02-18, 2026-03-20) in Riyadh (+03:00).
DB=$T/riyadh.db
w init --currency SAR --decimals 2 --earn-unit 10 --point-value 0.05 \
	--calendar islamic-umalqura --timezone Asia/Riyadh
w customer add --name "خالد"
w purchase add --customer 1 --amount 100.00 --at "2026-03-19 23:30"
w purchase add --customer 1 --amount 50.50 --at "2026-03-20 00:30"
wj report month 1447-09
expect .start 2026-02-18T00:00:00+03:00 "1 Ramadan 1447"
expect .end 2026-03-20T00:00:00+03:00 "1 Shawwal 1447"
expect .sales_amount 10000 "the sale before midnight, in halalas"
wj report month 1447-10
expect .sales_amount 5050 "the sale after midnight"
expect .repeat_sales 1 "the second sale repeats"
finish
