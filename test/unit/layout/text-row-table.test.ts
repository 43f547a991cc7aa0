import { describe, expect, it } from 'vitest';
import type { Page, Table } from '../../../schemas/index.js';
import { repairRowCodes } from '../../../src/layout/tables/text-rows/row-codes.js';
import { splitAnchorLine } from '../../../src/layout/tables/text-rows/text-row-line.js';
import { findTextRowTables } from '../../../src/layout/tables/text-rows/text-row-table.js';
import { headerRolesIn } from '../../../src/layout/tables/text-rows/text-row-words.js';
import { judgedForm, printedWordsIn, trimGarbage } from '../../../src/layout/tables/text-rows/text-row-garbage.js';

const page = (text: string): Page => ({
  number: 1, width: null, height: null, origin: 'text-layer', text, words: [], lines: [], rulings: [], blocks: [], quality: null, repairs: [], originalText: null,
});
/** Body and section rows as arrays of cell texts. */
const grid = (t: Table): string[][] =>
  t.rows.filter((r) => r.kind !== 'header').map((r) => t.cells.filter((c) => c.row === r.index).map((c) => c.text));

describe('headerRolesIn', () => {
  it('reads a header line whose words an OCR garbled, and not a sentence that uses the same words', () => {
    expect(headerRolesIn('TƯ Chỉ tiêu Pon vị Kết quả theo dõi, đánh giá').map((r) => r.role)).toEqual(['name', 'unit', 'target']);
    expect(headerRolesIn('Hoàn thành các chỉ tiêu, kết quả của kế hoạch được giao trong năm')).toEqual([]);
  });
});

describe('splitAnchorLine', () => {
  it('splits a row line into number, name, unit, target and agency by what they hold', () => {
    expect(splitAnchorLine('11.1 |Tỷ lệ sử dụng dịch vụ công trực tuyến của % ≥ 80 Sở Thông tin và Truyền thông')).toEqual({
      code: '11.1', name: 'Tỷ lệ sử dụng dịch vụ công trực tuyến của', unit: '%', target: '≥ 80', lead: 'Sở Thông tin và Truyền thông',
    });
    expect(splitAnchorLine('10 Quy mô kinh tế số % GÓP ≥ 40 Sở Thông tin và Truyền thông')).toMatchObject({ name: 'Quy mô kinh tế số', unit: '% GDP', target: '≥ 40' });
    expect(splitAnchorLine('4 Xếp hạng năng lực cạnh tranh số Thủ bắc Phấn đấu đứng top 3 Sở Tư pháp')).toMatchObject({ unit: 'Thứ bậc', target: 'Phấn đấu đứng top 3', lead: 'Sở Tư pháp' });
  });

  it('keeps the figure of a target whose start is stray marks, and a target in words whole', () => {
    expect(splitAnchorLine('19 Tổ chức khoa học được xếp | 1 i 40 - 50 Sở Khoa học và Công nghệ')).toMatchObject({ target: '40 - 50' });
    expect(splitAnchorLine('17 Chi ngân sách cho khoa học % Phấn đấu đạt 3% Sở Tài chính')).toMatchObject({ unit: '%', target: 'Phấn đấu đạt 3%' });
  });

  it('reads the unit "%" an English-model OCR printed as a digit, a letter or with a mark', () => {
    expect(splitAnchorLine('11.7 Tỷ lệ thủ tục hành chính được tiếp nhận giữa 5 70 Văn phòng Ủy ban nhân dân')).toMatchObject({ name: 'Tỷ lệ thủ tục hành chính được tiếp nhận giữa', unit: '%', target: '70' });
    expect(splitAnchorLine('32 Tỷ lệ người dân có hồ sơ sức khỏe điện tử ở ≥ 95 Sở Y tế')).toMatchObject({ unit: '%', target: '≥ 95', lead: 'Sở Y tế' });
    expect(splitAnchorLine('35 trong tổng doanh thu công nghiệp số Việt Nam %o 50 Sở Thông tin và Truyền thông')).toMatchObject({ unit: '%', target: '50' });
  });

  it('takes what follows the figure as the agency when its head word was misread', () => {
    expect(splitAnchorLine('32 Tỷ lệ người dân có hồ sơ sức khỏe điện tử % ≥ 95 S§ Y tế')).toMatchObject({ unit: '%', target: '≥ 95', lead: 'S§ Y tế' });
    // "Sở" left garbled by restoration still opens the agency, after a target in words
    expect(splitAnchorLine('17 Chi ngân sách cho khoa học % Phấn đấu đạt 3% S¢& Tài chính, Sở Kế hoạch và Đầu tư')).toMatchObject({ target: 'Phấn đấu đạt 3%', lead: 'S¢& Tài chính, Sở Kế hoạch và Đầu tư' });
  });
});

describe('splitAnchorLine, a head word read as digits', () => {
  it('gives the agency the number that stands for its head word, never the target\'s only figure', () => {
    expect(splitAnchorLine('5 Tỷ lệ trường học có thư viện số % 100 54 Văn hóa và Thể thao')).toMatchObject({ target: '100', lead: '54 Văn hóa và Thể thao' });
    expect(splitAnchorLine('6 Tỷ lệ hộ dân dùng nước sạch % ≥ 95 Kha Nông nghiệp')).toMatchObject({ target: '≥ 95', lead: 'Kha Nông nghiệp' });
    expect(splitAnchorLine('7 Số xã đạt chuẩn % 40 - 50 Hội Nông dân')).toMatchObject({ target: '40 - 50' });
  });
});

describe('trimGarbage', () => {
  it('drops a run of stray marks, a lone digit among them, and keeps the short words before the first mark', () => {
    expect(trimGarbage('Số xe buýt điện ngang tầm . ST A 5 A là các thành phố lớn')).toBe('Số xe buýt điện ngang tầm các thành phố lớn');
    expect(trimGarbage('Tỷ lệ hộ gia đình có chữ ký số . . A hoặc tài khoản')).toBe('Tỷ lệ hộ gia đình có chữ ký số hoặc tài khoản');
    // a figure in a name is no mark
    expect(trimGarbage('Phủ sóng 5G đạt mức 2 trở lên')).toBe('Phủ sóng 5G đạt mức 2 trở lên');
    expect(trimGarbage('Giảm 10 % số vụ ở 3 xã')).toBe('Giảm 10 % số vụ ở 3 xã');
    // marks at the end of the cell, a sign among them; a letter alone without a sign is kept
    expect(trimGarbage('Tỷ lệ hồ sơ được cấp phép ° i')).toBe('Tỷ lệ hồ sơ được cấp phép');
    expect(trimGarbage('Số công trình cấp đặc biệt loại A')).toBe('Số công trình cấp đặc biệt loại A');
  });

  it('drops three or more one-character tokens in a row, and a run of lone digits and no-words with the short no-word after it', () => {
    expect(trimGarbage('Tỷ lệ người có tài khoản giao ổ ổ ổ Ổ dịch tại ngân hàng')).toBe('Tỷ lệ người có tài khoản giao dịch tại ngân hàng');
    expect(trimGarbage('học bạ số; cơ sở ở 2 ez 5 Aok giáo dục')).toBe('học bạ số; cơ sở giáo dục');
    // figures with words around them, an acronym: text
    expect(trimGarbage('đạt mức 2 ở 3 xã CNTT')).toBe('đạt mức 2 ở 3 xã CNTT');
    expect(trimGarbage('nhóm 1 và 2 ở 5 xã')).toBe('nhóm 1 và 2 ở 5 xã');
  });

  it('judges marks a restoration read as words on what the OCR printed, and keeps the words it only put marks back on', () => {
    // restored line and the line as printed, word for word
    const restored = 'Tỷ lệ người có tài khoản giao ở g sở Độ';
    const printed = 'Ty le nguoi c6 tai khoan giao o g s P';
    const asPrinted = printedWordsIn([restored, 'dịch tại ngân hàng'], (l) => (l === restored ? printed : undefined));
    expect(trimGarbage('Tỷ lệ người có tài khoản giao ở g sở Độ dịch tại ngân hàng', asPrinted)).toBe('Tỷ lệ người có tài khoản giao dịch tại ngân hàng');
    // without the printed words the restored tokens read as words and stay
    expect(trimGarbage('Tỷ lệ người có tài khoản giao ở g sở Độ dịch tại ngân hàng')).toContain('sở Độ');
    // "bd" → "bộ" (a marked letter misread) is a word; ". . . o" after it are marks
    const line = 'quản trị nội bộ . . . ở';
    const asPrinted2 = printedWordsIn([line], () => 'quan tri ndi bd . . . o');
    expect(trimGarbage(line, asPrinted2)).toBe('quản trị nội bộ');
    // a run whose first token is a syllable only as printed ("oA", read "ở"), and one-character tokens as read ("0a" → "ở")
    const cell = 'thanh toán a1k ở bộ ở 3 Tờ e ở các quận; giao thông, v ở ở (;10 và các xã';
    const asPrinted3 = printedWordsIn([cell], () => 'thanh toan a1k oA b oK 3 T e o cac quan; giao thong, v o 0a (;10 va cac xa');
    expect(trimGarbage(cell, asPrinted3)).toBe('thanh toán a1k các quận; giao thông, (;10 và các xã');
  });

  it('printedWordsIn: a word two rows both hold as restored is found where the cell\'s next words follow it', () => {
    const lines = ['20 Số lượng công bố %/năm', '21 lượng đơn đăng ký %/năm'];
    const printed = ['go S6 1ugng cong bo %/nim', 'o1 36luong don ding ky %/nam'];
    const asPrinted = printedWordsIn(lines, (l) => printed[lines.indexOf(l)]);
    expect(asPrinted(['lượng', 'đơn', 'đăng', 'ký'])).toEqual(['36luong', 'don', 'ding', 'ky']);
    expect(asPrinted(['lượng', 'công', 'bố'])).toEqual(['1ugng', 'cong', 'bo']);
  });

  it('judgedForm: the restoration where it only put marks back or read a sign as a letter, else the printed token', () => {
    expect(judgedForm('sở', 's6')).toBe('sở');
    expect(judgedForm('cơ', 'co')).toBe('cơ');
    expect(judgedForm('bộ', 'bd')).toBe('bộ');
    expect(judgedForm('Độ', 'P')).toBe('P');
    expect(judgedForm('en', 'ez')).toBe('ez');
    expect(judgedForm('kế', 'gk')).toBe('gk');
    expect(judgedForm('Áo', 'Aok')).toBe('Aok');
    expect(judgedForm('sở', undefined)).toBe('sở');
    expect(judgedForm('vật', 'vt')).toBe('vật');
    expect(judgedForm('sở', 's')).toBe('s');
  });
});

describe('splitAnchorLine, a unit printed as one token', () => {
  it('reads a unit of two words glued and misread before the figure, on the word as printed when restoration changed it', () => {
    expect(splitAnchorLine('34 Hoàn thành xây dựng trung tâm của Công Coóc 01 Công an thành phố', '34 Hoan thanh xay dung trung tam cua Cong Cosd 01 Cong an thanh pho')).toMatchObject({
      name: 'Hoàn thành xây dựng trung tâm của Công', unit: 'Cơ sở', target: '01', lead: 'Công an thành phố',
    });
    expect(splitAnchorLine('3 Số trường đạt chuẩn quốc gia Cơsở 12 Sở Giáo dục và Đào tạo')).toMatchObject({ name: 'Số trường đạt chuẩn quốc gia', unit: 'Cơ sở', target: '12' });
    // a word of the name before the figure stays the name's
    expect(splitAnchorLine('3 Số trường đạt chuẩn quốc gia 12 Sở Giáo dục và Đào tạo')).toMatchObject({ name: 'Số trường đạt chuẩn quốc gia', unit: '', target: '12' });
  });
});

describe('splitAnchorLine, a unit that repeats the name', () => {
  it('reads a capitalised run before the figure that repeats the name\'s last words as the unit', () => {
    // a run that is not the name's last words is left to the name
    expect(splitAnchorLine('28 Hình thành sàn giao dịch công nghệ Sàn giao dịch 2 Sở Công Thương')).toMatchObject({ name: 'Hình thành sàn giao dịch công nghệ Sàn giao dịch', unit: '', target: '2' });
    expect(splitAnchorLine('28 Xây dựng trạm quan trắc Trạm quan trắc 5 Sở Nông nghiệp và Môi trường')).toMatchObject({
      name: 'Xây dựng trạm quan trắc', unit: 'Trạm quan trắc', target: '5', lead: 'Sở Nông nghiệp và Môi trường',
    });
    // a proper name inside the name is no unit
    expect(splitAnchorLine('9 Số người học tiếng Việt Nam 120 Sở Giáo dục và Đào tạo')).toMatchObject({ name: 'Số người học tiếng Việt Nam', unit: '', target: '120' });
  });
});

describe('repairRowCodes', () => {
  it('reads garbled row numbers from their sequence', () => {
    const read = ['1', '2', 'O', '4', '4.1', '42', '', '5', 'jg', '37', '8'];
    expect(repairRowCodes(read.map((r) => ({ read: r, afterSection: false })))).toEqual(['1', '2', '3', '4', '4.1', '4.2', '4.3', '5', '6', '7', '8']);
  });

  it('lets numbering restart after a section row', () => {
    const slots = [{ read: '1', afterSection: false }, { read: '2', afterSection: false }, { read: '1', afterSection: true }, { read: '2', afterSection: false }];
    expect(repairRowCodes(slots)).toEqual(['1', '2', '1', '2']);
  });
});

describe('findTextRowTables', () => {
  it('rebuilds rows printed one line per row height, with wrapped cells above and below', () => {
    const text = [
      'PHỤ LỤC: CÁC CHỈ TIÊU',
      'Cơ quan chủ trì',
      'TT Chỉ tiêu Đơn vị Kết quả theo dõi, đánh giá',
      'I Đến năm 2030',
      '1 Tỷ lệ hồ sơ công việc được xử lý % ≥ 90 Văn phòng Ủy ban nhân dân',
      'trên môi trường mạng thành phố',
      '',
      'Số doanh nghiệp công nghệ số ngang tầm',
      '2 khu vực Doanh nghiệp 5 Sở Công Thương',
      'Tỷ lệ người dân có tài khoản thanh toán',
      '',
      '3 điện tử % 80 Ngân hàng Nhà nước thành phố',
      '. N 3 ~ e A 0 \\ A',
      '4 Xếp hạng chỉ số cải cách hành chính Thứ bậc ≤ 10 Sở Nội vụ',
    ].join('\n');
    const [table] = findTextRowTables(page(text), 0);
    expect(table?.detection).toBe('text-rows');
    expect(grid(table!)).toEqual([
      ['I Đến năm 2030'],
      ['1', 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', '%', '≥ 90', 'Văn phòng Ủy ban nhân dân thành phố'],
      ['2', 'Số doanh nghiệp công nghệ số ngang tầm khu vực', 'Doanh nghiệp', '5', 'Sở Công Thương'],
      ['3', 'Tỷ lệ người dân có tài khoản thanh toán điện tử', '%', '80', 'Ngân hàng Nhà nước thành phố'],
      ['4', 'Xếp hạng chỉ số cải cách hành chính', 'Thứ bậc', '≤ 10', 'Sở Nội vụ'],
    ]);
  });

  it('gives a second agency line to the row line it is nearer, and keeps a locality read among stray marks', () => {
    const text = [
      'Cơ quan chủ trì',
      'TT Chỉ tiêu Đơn vị Kết quả theo dõi, đánh giá',
      '1 Hoàn thành trung tâm điều hành thông minh Huyện 2 Sở Xây dựng',
      'cấp huyện Ủy ban nhân dân các huyện',
      'Số trạm sạc xe điện công cộng được',
      '2 lắp đặt mới Cơ sở ≥ 50 Sở Công Thương',
      'trên địa bàn',
      '3 Tỷ lệ hồ sơ giải quyết trực tuyến % 90 Văn phòng Ủy ban nhân dân',
      'ở 4 RN Ả 2 ix thành phố',
      'toàn trình',
      '4 Xếp hạng chỉ số cải cách hành chính Thứ bậc ≤ 10 Sở Nội vụ',
      '5 Tỷ lệ thủ tục được cắt giảm % 30 Văn phòng Ủy ban nhân dân thành',
      'về cấp phép phố',
    ].join('\n');
    const [table] = findTextRowTables(page(text), 0);
    expect(grid(table!).map((r) => [r[1], r[4]])).toEqual([
      ['Hoàn thành trung tâm điều hành thông minh cấp huyện', 'Sở Xây dựng Ủy ban nhân dân các huyện'],
      ['Số trạm sạc xe điện công cộng được lắp đặt mới trên địa bàn', 'Sở Công Thương'],
      ['Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình', 'Văn phòng Ủy ban nhân dân thành phố'],
      ['Xếp hạng chỉ số cải cách hành chính', 'Sở Nội vụ'],
      ['Tỷ lệ thủ tục được cắt giảm về cấp phép', 'Văn phòng Ủy ban nhân dân thành phố'],
    ]);
  });

  it('gives a target in words its lines below the row line as well as above, when the name is one line', () => {
    const text = [
      'Cơ quan chủ trì',
      'TT Chỉ tiêu Đơn vị Kết quả theo dõi, đánh giá',
      'Một số sản phẩm nông nghiệp',
      '1 Nông nghiệp công nghệ cao Thứ bậc chủ lực của tỉnh đạt Sở Nông nghiệp và Môi trường',
      'chứng nhận hữu cơ quốc tế',
      '2 Xếp hạng chỉ số cải cách hành chính Thứ bậc ≤ 10 Sở Nội vụ',
    ].join('\n');
    const [table] = findTextRowTables(page(text), 0);
    expect(grid(table!)[0]).toEqual(['1', 'Nông nghiệp công nghệ cao', 'Thứ bậc', 'Một số sản phẩm nông nghiệp chủ lực của tỉnh đạt chứng nhận hữu cơ quốc tế', 'Sở Nông nghiệp và Môi trường']);
  });

  it('gives the lines between two row lines to the upper row when the lower row\'s name opens on its own row line', () => {
    const text = [
      'Cơ quan chủ trì',
      'TT Chỉ tiêu Đơn vị Kết quả theo dõi, đánh giá',
      'Số doanh nghiệp được hỗ trợ từ',
      '1 nguồn vốn của tỉnh và Doanh nghiệp ≥ 50 Sở Tài chính',
      'Quỹ Phát triển khoa học',
      '(bình quân mỗi năm)',
      '2 Tỷ lệ che phủ rừng của tỉnh % ≥ 45 Sở Nông nghiệp và Môi trường',
      'Tỷ lệ xã có chợ đạt chuẩn',
      '3 theo quy định % 80 Sở Công Thương',
    ].join('\n');
    const [table] = findTextRowTables(page(text), 0);
    expect(grid(table!).map((r) => r[1])).toEqual([
      'Số doanh nghiệp được hỗ trợ từ nguồn vốn của tỉnh và Quỹ Phát triển khoa học (bình quân mỗi năm)',
      'Tỷ lệ che phủ rừng của tỉnh',
      // a name that continues in lower case on its row line still opens on the line above
      'Tỷ lệ xã có chợ đạt chuẩn theo quy định',
    ]);
  });

  it('keeps an agency\'s first line above a row line whose name opens there with that row', () => {
    const text = [
      'Cơ quan chủ trì',
      'TT Chỉ tiêu Đơn vị Kết quả theo dõi, đánh giá',
      '1 Tỷ lệ hộ dân dùng nước sạch % ≥ 95 Sở Xây dựng',
      'nông thôn',
      'Sở Tài chính,',
      '2 Chi ngân sách cho chuyển đổi số % GDP 2 Sở Khoa học và Công nghệ',
    ].join('\n');
    const [table] = findTextRowTables(page(text), 0);
    expect(grid(table!).map((r) => [r[1], r[4]])).toEqual([
      ['Tỷ lệ hộ dân dùng nước sạch nông thôn', 'Sở Xây dựng'],
      ['Chi ngân sách cho chuyển đổi số', 'Sở Tài chính, Sở Khoa học và Công nghệ'],
    ]);
  });

  it('gives a locality read after stray marks right under a row line to that row\'s agency, and drops a stray capital opening a line', () => {
    const text = [
      'Cơ quan chủ trì',
      'TT Chỉ tiêu Đơn vị Kết quả theo dõi, đánh giá',
      '1 Tỷ lệ văn bản được ký số trên môi % 100 Vin phong Uy bnn dan',
      '. _—_ thành phố',
      'trường mạng',
      '2 Hoàn thành xây dựng trung tâm dữ liệu Cơ sở 1 Sở Khoa học và Công nghệ',
      'B tại thành phố',
      '3 Tỷ lệ xã có trạm y tế đạt chuẩn % 100 Sở Y tế',
      'trên địa bàn',
      'thành phố',
    ].join('\n');
    const [table] = findTextRowTables(page(text), 0);
    expect(grid(table!).map((r) => [r[1], r[4]])).toEqual([
      ['Tỷ lệ văn bản được ký số trên môi trường mạng', 'Vin phong Uy bnn dan thành phố'],
      ['Hoàn thành xây dựng trung tâm dữ liệu tại thành phố', 'Sở Khoa học và Công nghệ'],
      // a name's own last line, no marks before it, stays the name's
      ['Tỷ lệ xã có trạm y tế đạt chuẩn trên địa bàn thành phố', 'Sở Y tế'],
    ]);
  });

  it('gives a target in words the words beyond the name column\'s width on a line above or below the row line', () => {
    const rows = [
      '1 Tỷ lệ hộ gia đình được sử dụng nước sạch theo % 95 Sở Xây dựng',
      '2 Tỷ lệ chất thải rắn sinh hoạt được thu gom xử % 90 Sở Nông nghiệp và Môi trường',
      '3 Tỷ lệ đô thị loại IV trở lên có hệ thống thoát % 70 Sở Xây dựng',
      '4 Số doanh nghiệp công nghệ số trên một vạn dân Doanh nghiệp 20 Sở Khoa học và Công nghệ',
      '5 Tỷ lệ xã có điểm phục vụ bưu chính có người % 100 Sở Khoa học và Công nghệ',
    ];
    const text = [
      'Cơ quan chủ trì',
      'TT Chỉ tiêu Đơn vị Kết quả theo dõi, đánh giá',
      ...rows,
      'Xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh Phấn đấu đứng',
      '6 trong nhóm khá của cả nước và vùng Thứ bậc trong nhóm 10 Sở Tài chính',
      'đồng bằng sông Hồng về tính minh bạch ngân sách tỉnh dẫn đầu',
      '7 Tỷ lệ trạm y tế xã có bác sĩ làm việc thường % 100 Sở Y tế',
    ].join('\n');
    const [table] = findTextRowTables(page(text), 0);
    expect(grid(table!)[5]).toEqual([
      '6',
      'Xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh trong nhóm khá của cả nước và vùng đồng bằng sông Hồng về tính minh bạch ngân sách',
      'Thứ bậc',
      'Phấn đấu đứng trong nhóm 10 tỉnh dẫn đầu',
      'Sở Tài chính',
    ]);
    // a target that is a figure takes nothing from a long line
    expect(grid(table!)[6]![1]).toBe('Tỷ lệ trạm y tế xã có bác sĩ làm việc thường');
  });

  it('reads a unit cell wrapped over the line above the row line and the row line', () => {
    const text = [
      'Cơ quan chủ trì',
      'TT Chỉ tiêu Đơn vị Kết quả theo dõi, đánh giá',
      'Chi thường xuyên cho giáo dục nghề nghiệp, | % tổng chi ngân',
      '1 đào tạo lại lao động sách nhà nước Phấn đấu đạt 5% Sở Tài chính',
      '2 Xếp hạng chỉ số cải cách hành chính Thứ bậc ≤ 10 Sở Nội vụ',
    ].join('\n');
    const [table] = findTextRowTables(page(text), 0);
    expect(grid(table!)[0]).toEqual(['1', 'Chi thường xuyên cho giáo dục nghề nghiệp, đào tạo lại lao động', '% tổng chi ngân sách nhà nước', 'Phấn đấu đạt 5%', 'Sở Tài chính']);
  });

  it('rebuilds rows printed one paragraph per cell, over a repeated header', () => {
    const text = [
      'TT', '', 'Chỉ tiêu', '', 'Đơn vị', '', 'Kết quả', '', 'Cơ quan chủ trì', 'theo dõi, đánh giá', '',
      '11', '', 'Đến năm 2045', '',
      '12', '', 'Quy mô kinh tế số', '', '% GDP', '', '30', '', 'Sở Tài chính', '',
      '13', '', 'Tổ chức khoa học được xếp', 'hạng khu vực', '', 'Tổ chức', '', 'Sở Khoa học và Công nghệ', '',
      'TT', '', 'Chỉ tiêu', '', 'Đơn vị', '', 'Kết quả', '', 'Cơ quan chủ trì', '',
      '14', '', 'Số doanh nghiệp công nghệ', '', 'Doanh nghiệp', '', '- Sở Tài chính',
    ].join('\n');
    const [table] = findTextRowTables(page(text), 0);
    expect(grid(table!)).toEqual([
      ['Đến năm 2045'],
      ['12', 'Quy mô kinh tế số', '% GDP', '30', 'Sở Tài chính'],
      ['13', 'Tổ chức khoa học được xếp hạng khu vực', 'Tổ chức', '', 'Sở Khoa học và Công nghệ'],
      ['14', 'Số doanh nghiệp công nghệ', 'Doanh nghiệp', '-', 'Sở Tài chính'],
    ]);
  });

  it('finds nothing in prose that mentions indicators and results', () => {
    const text = ['Các chỉ tiêu, kết quả và đơn vị chủ trì được giao tại Kế hoạch này', '1. Tỷ lệ hồ sơ trực tuyến đạt 80%', '2. Sở Tài chính chủ trì'].join('\n');
    expect(findTextRowTables(page(text), 0)).toEqual([]);
  });
});
