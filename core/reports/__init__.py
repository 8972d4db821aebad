"""Reports: the desk's figures over a period (core.reports.kpis), the period and
grouping a caller asks for (core.reports.period), and their CSV and XLSX files
(core.reports.export). No Qt and no HTTP: the command line, the server and the
desktop's dashboard all call these."""
