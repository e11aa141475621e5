# French messages of src/dates.rs
#
# Plain spaces before « : » and « ; » and inside guillemets, as in every
# other catalog's terminal messages.

## Month names (src/dates.rs)

dates-month-1 = janvier
dates-month-2 = février
dates-month-3 = mars
dates-month-4 = avril
dates-month-5 = mai
dates-month-6 = juin
dates-month-7 = juillet
dates-month-8 = août
dates-month-9 = septembre
dates-month-10 = octobre
dates-month-11 = novembre
dates-month-12 = décembre

## Dates as shown on pages (src/dates.rs)

# `17 juillet 2018`, `1er mars 2024`: $month is the month's name.
dates-long = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
# `17/07/2018`: each number already padded with zeros.
dates-short = { $day }/{ $month }/{ $year }

## Date errors: what is wrong (src/dates.rs)

dates-empty = la date est vide
dates-shape = { $quoted } n’est pas une date écrite sous la forme AAAA-MM-JJ
dates-no-such-month = la date { $date } n’existe pas : il n’y a pas de mois { $month }, les mois vont de 01 à 12
dates-no-day-zero = la date { $date } n’existe pas : il n’y a pas de jour 00, les jours commencent à 01
dates-no-such-day = la date { $date } n’existe pas : { $month } { $year } a { $days_in_month } jours
dates-missing-offset = il manque le décalage horaire après l’heure dans { $quoted }
dates-bad-time = l’heure écrite après la date dans { $quoted } n’est pas valable

## Date errors: how to fix them (src/dates.rs)

dates-no-such-day-help = vérifiez le jour : en { $month } { $year }, il va de 01 à { $days_in_month }
dates-missing-offset-help = ajoutez le décalage horaire après l’heure, par exemple { $date }T{ $time }+01:00 (heure d’hiver à Paris), +02:00 (heure d’été) ou Z (temps universel) ; ou n’écrivez que la date : { $date }
dates-bad-time-help = écrivez la date et l’heure sous la forme AAAA-MM-JJTHH:MM:SS+01:00, par exemple { $date }T09:30:00+01:00, ou seulement la date : { $date }
dates-shape-help-guessed = écrivez la date sous la forme AAAA-MM-JJ (année, mois, jour) : ici, { $fixed }
dates-shape-help = écrivez la date sous la forme AAAA-MM-JJ, par exemple 2024-03-01
dates-month-help-swapped = le mois et le jour semblent inversés : la date s’écrit AAAA-MM-JJ (année, mois, jour), essayez { $fixed }
dates-month-help = vérifiez le mois : la date s’écrit AAAA-MM-JJ (année, mois, jour), avec un mois de 01 à 12
dates-quoted = « { $shown } »
