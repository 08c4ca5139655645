// Attribution the data licences require. DATA_ATTRIBUTION is what the map shows (short lines);
// SOURCE_CREDITS is the fuller list written into the data bundle and docs/data-sources.md.

export const DATA_ATTRIBUTION: string[] = [
  'Contains OS data © Crown copyright and database right 2024',
  'Source: Office for National Statistics licensed under the Open Government Licence v3.0',
  'Contains Parliamentary information licensed under the Open Parliament Licence v3.0',
  'Hex map © Open Innovations (MIT)',
  'Leave estimates: Hanretty (2017)',
  'Notional 2019 results: Rallings & Thrasher, Denver, Whyte for BBC/ITV/Sky/PA',
  'Deprivation and boundary overlaps: mySociety (CC BY 4.0)',
];

export const SOURCE_CREDITS: string[] = [
  'Boundaries: Office for National Statistics, Westminster Parliamentary Constituencies (Dec 2022 and July 2024) Boundaries UK BUC. Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2022 and 2024.',
  'Results: House of Commons Library, General election results 2017 (CBP-7979), 2019 (CBP-8749) and 2024 (CBP-10009). Contains Parliamentary information licensed under the Open Parliament Licence v3.0.',
  'Notional 2019 results on the 2024 boundaries: Colin Rallings and Michael Thrasher (Elections Centre), with David Denver (Scotland) and Nicholas Whyte (Northern Ireland), for BBC News, ITV News, Sky News and PA. No licence stated; cited with credit to the authors.',
  'EU referendum Leave estimates: Chris Hanretty (2017), "Areal interpolation and the UK\'s referendum on EU membership", Journal of Elections, Public Opinion and Parties 27(4), doi:10.1080/17457289.2017.1287081; and his estimates for the 2024 boundaries. No licence stated; cited with credit to the author.',
  'Deprivation: mySociety, composite UK Index of Multiple Deprivation by constituency (CC BY 4.0), built on the English IoD 2019, Welsh IMD 2019, Scottish IMD 2020 and NI MDM 2017 (Open Government Licence v3.0).',
  'Constituency overlaps 2010→2024: mySociety, 2025 constituencies data (CC BY 4.0).',
  'Hex maps: Open Innovations (formerly ODI Leeds), UK constituency HexJSON, MIT licence, © Open Innovations.',
];
