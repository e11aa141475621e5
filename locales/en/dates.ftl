# English messages of src/dates.rs

## Month names (src/dates.rs)

dates-month-1 = January
dates-month-2 = February
dates-month-3 = March
dates-month-4 = April
dates-month-5 = May
dates-month-6 = June
dates-month-7 = July
dates-month-8 = August
dates-month-9 = September
dates-month-10 = October
dates-month-11 = November
dates-month-12 = December

## Dates as shown on pages (src/dates.rs)

# `July 17, 2018`: $month is the month's name.
dates-long = { $month } { $day }, { $year }
# `07/17/2018`: each number already padded with zeros.
dates-short = { $month }/{ $day }/{ $year }

## Date errors: what is wrong (src/dates.rs)

dates-empty = the date is empty
dates-shape = { $quoted } is not a date written as YYYY-MM-DD
dates-no-such-month = the date { $date } does not exist: there is no month { $month }, months go from 01 to 12
dates-no-day-zero = the date { $date } does not exist: there is no day 00, days start at 01
dates-no-such-day = the date { $date } does not exist: { $month } { $year } has { $days_in_month } days
dates-missing-offset = the time in { $quoted } lacks a time zone offset
dates-bad-time = the time after the date in { $quoted } is not valid

## Date errors: how to fix them (src/dates.rs)

dates-no-such-day-help = check the day: in { $month } { $year }, it goes from 01 to { $days_in_month }
dates-missing-offset-help = add the time zone offset after the time, for example { $date }T{ $time }+01:00 (Paris in winter), +02:00 (Paris in summer) or Z (UTC); or write the date only: { $date }
dates-bad-time-help = write the date and time as YYYY-MM-DDTHH:MM:SS+01:00, for example { $date }T09:30:00+01:00, or the date only: { $date }
dates-shape-help-guessed = write the date as YYYY-MM-DD (year, month, day): here, { $fixed }
dates-shape-help = write the date as YYYY-MM-DD, for example 2024-03-01
dates-month-help-swapped = the month and the day look swapped: the date is written YYYY-MM-DD (year, month, day), try { $fixed }
dates-month-help = check the month: the date is written YYYY-MM-DD (year, month, day), with a month from 01 to 12
dates-quoted = “{ $shown }”
