// The page's words, in Vietnamese (the reviewers' language, the default) and English.
// Only these strings are translated: document text is shown as it was read.
const STRINGS = {
  vi: {
    brand: 'plan-ingest · duyệt văn bản',
    reviewerPh: 'tên người duyệt', passwordPh: 'mật khẩu', signIn: 'Đăng nhập', signOut: 'Đăng xuất',
    signedIn: 'Đã đăng nhập: {0}', signInFailed: 'Sai tên hoặc mật khẩu.', signInFirst: 'Đăng nhập để xem các văn bản.', tooMany: 'Đăng nhập sai quá nhiều lần, thử lại sau.',
    language: 'Ngôn ngữ',
    documents: 'Văn bản', colTitle: 'Tiêu đề', colFile: 'Tệp', colStatus: 'Trạng thái', colPages: 'Số trang',
    colIndicators: 'Chỉ tiêu', colAssignments: 'Nhiệm vụ', colNeedReview: 'Cần xem lại', colProgress: 'Tiến độ duyệt', colUpdated: 'Cập nhật',
    'status.ok': 'hoàn tất', 'status.partial': 'có lỗi một phần', 'status.failed': 'lỗi', 'status.queued': 'đang chờ', 'status.corrected': 'đã sửa',
    progress: '{0} / {1} đã duyệt', overall: 'Tổng cộng: {0} / {1} dòng đã duyệt trong {2} văn bản', docDone: 'văn bản đã duyệt',
    noDocuments: 'Chưa có văn bản nào trong thư mục này.', noDocument: 'Không có văn bản này.',
    version: 'phiên bản {0}', reviewedBy: 'đã duyệt bởi {0}',
    assignments: 'Nhiệm vụ', indicators: 'Chỉ tiêu',
    searchPh: 'Tìm trong các dòng… (/)', filterStatus: 'Lọc theo trạng thái', filterSection: 'Lọc theo lĩnh vực', filterAgency: 'Lọc theo cơ quan',
    'f.all': 'Mọi dòng', 'f.weak': 'Độ tin cậy thấp', 'f.unreviewed': 'Chưa duyệt', 'f.corrected': 'Đã sửa', 'f.reviewed': 'Đã duyệt',
    allSections: 'Mọi lĩnh vực', allAgencies: 'Mọi cơ quan', shown: 'Hiển thị {0} / {1} dòng', noMatch: 'Không có dòng nào khớp bộ lọc.',
    addRow: 'Thêm dòng', addCode: 'Số thứ tự (vd. 2.3)', addText: 'Nội dung', add: 'Thêm', cancel: 'Hủy',
    markDoc: 'Đánh dấu văn bản đã duyệt', unmarkDoc: 'Bỏ đánh dấu văn bản đã duyệt',
    exportAs: 'Xuất {0} .{1}',
    'c.code': 'Số TT', 'c.task': 'Nhiệm vụ', 'c.lead': 'Chủ trì', 'c.cooperating': 'Phối hợp', 'c.timeline': 'Thời gian', 'c.output': 'Sản phẩm',
    'c.name': 'Chỉ tiêu', 'c.unit': 'Đơn vị', 'c.targets': 'Mục tiêu', 'c.agencies': 'Cơ quan theo dõi', 'c.section': 'Lĩnh vực (mục)',
    'c.directing': 'Chỉ đạo', 'c.notes': 'Ghi chú', 'c.period': 'Giai đoạn', 'c.extra': 'Cột khác', conf: 'Tin cậy', confTitle: 'độ tin cậy',
    markRow: 'Đã duyệt (r)', deleteRow: 'Xóa dòng', confirmDelete: 'Xóa dòng này?',
    saved: 'Đã lưu', notSaved: 'Chưa lưu: {0}', conflict: '{0} vừa sửa dòng này; đây là nội dung hiện tại.', someone: 'Người khác',
    signInToEdit: 'Đăng nhập để sửa.',
    rowTitle: '{0} · trang {1}', noImage: 'Không có ảnh trang nguồn cho dòng này.', asRead: 'Văn bản đọc được', readAs: 'đọc thành: {0}',
    'origin.text-layer': 'lớp chữ của PDF', 'origin.ocr': 'nhận dạng ảnh (OCR)',
    lastChange: 'Lần sửa cuối: {0} lúc {1}', correctedFields: 'đã sửa: {0}', noRows: 'Không có dòng nào.', sourceChanged: '⚠ nguồn đã đổi',
    details: 'Chi tiết', extras: 'Cột khác', noExtras: 'Dòng này không có cột khác.',
    history: 'Lịch sử', noHistory: 'Chưa có thay đổi nào.', undo: 'Hoàn tác', undone: 'Đã hoàn tác', isUndo: '(hoàn tác)',
    'op.add': 'thêm dòng', 'op.delete': 'xóa dòng', 'op.reviewed': 'đánh dấu đã duyệt', 'op.unreviewed': 'bỏ đánh dấu đã duyệt', empty: '(trống)',
    fullPage: 'Xem cả trang (f)', close: 'Đóng (Esc)', zoomIn: 'Phóng to (+)', zoomOut: 'Thu nhỏ (−)', prevRow: '↑ Dòng trước (k)', nextRow: '↓ Dòng sau (j)',
    pageOf: 'Trang {0} / {1}', noPageImage: 'Không có ảnh trang (không tìm thấy tệp gốc): hiện chữ đọc được.', noPosition: 'Dòng này không có vị trí trên trang.',
    help: 'Phím tắt (?)', helpTitle: 'Phím tắt',
    'k.jk': 'chuyển sang dòng sau / dòng trước', 'k.e': 'sửa dòng (ô đầu tiên)', 'k.enter': 'trong ô: lưu và xuống dòng sau; Shift+Enter xuống dòng trong ô',
    'k.esc': 'trong ô: bỏ thay đổi chưa lưu; đóng cửa sổ', 'k.r': 'đánh dấu / bỏ đánh dấu dòng đã duyệt', 'k.slash': 'tìm kiếm',
    'k.f': 'xem cả trang nguồn, dòng được tô sáng', 'k.zoom': 'phóng to / thu nhỏ trang', 'k.help': 'hiện / ẩn bảng phím tắt này',
  },
  en: {
    brand: 'plan-ingest · review',
    reviewerPh: 'reviewer', passwordPh: 'password', signIn: 'Sign in', signOut: 'Sign out',
    signedIn: 'Signed in as {0}', signInFailed: 'Wrong name or password.', signInFirst: 'Sign in to see the documents.', tooMany: 'Too many failed sign-ins, try again later.',
    language: 'Language',
    documents: 'Documents', colTitle: 'Title', colFile: 'File', colStatus: 'Status', colPages: 'Pages',
    colIndicators: 'Indicators', colAssignments: 'Assignments', colNeedReview: 'Need review', colProgress: 'Review progress', colUpdated: 'Updated',
    'status.ok': 'ok', 'status.partial': 'partial', 'status.failed': 'failed', 'status.queued': 'queued', 'status.corrected': 'corrected',
    progress: '{0} / {1} reviewed', overall: 'Overall: {0} / {1} rows reviewed in {2} documents', docDone: 'document reviewed',
    noDocuments: 'No documents in this folder yet.', noDocument: 'No such document.',
    version: 'version {0}', reviewedBy: 'reviewed by {0}',
    assignments: 'Assignments', indicators: 'Indicators',
    searchPh: 'Search the rows… (/)', filterStatus: 'Filter by state', filterSection: 'Filter by section', filterAgency: 'Filter by agency',
    'f.all': 'All rows', 'f.weak': 'Low confidence', 'f.unreviewed': 'Not reviewed', 'f.corrected': 'Corrected', 'f.reviewed': 'Reviewed',
    allSections: 'All sections', allAgencies: 'All agencies', shown: 'Showing {0} of {1} rows', noMatch: 'No row matches the filters.',
    addRow: 'Add row', addCode: 'Code (e.g. 2.3)', addText: 'Text', add: 'Add', cancel: 'Cancel',
    markDoc: 'Mark document reviewed', unmarkDoc: 'Mark document not reviewed',
    exportAs: 'Export {0} .{1}',
    'c.code': 'Code', 'c.task': 'Task', 'c.lead': 'Lead', 'c.cooperating': 'Cooperating', 'c.timeline': 'Timeline', 'c.output': 'Output',
    'c.name': 'Indicator', 'c.unit': 'Unit', 'c.targets': 'Targets', 'c.agencies': 'Agencies', 'c.section': 'Section',
    'c.directing': 'Directing', 'c.notes': 'Notes', 'c.period': 'Period', 'c.extra': 'Extra columns', conf: 'Conf.', confTitle: 'confidence',
    markRow: 'Reviewed (r)', deleteRow: 'Delete row', confirmDelete: 'Delete this row?',
    saved: 'Saved', notSaved: 'Not saved: {0}', conflict: '{0} changed this row meanwhile; here it is as it stands now.', someone: 'Another reviewer',
    signInToEdit: 'Sign in to edit.',
    rowTitle: '{0} · page {1}', noImage: 'No image of the source for this row.', asRead: 'As read', readAs: 'read as: {0}',
    'origin.text-layer': 'PDF text layer', 'origin.ocr': 'OCR',
    lastChange: 'Last change: {0} at {1}', correctedFields: 'corrected: {0}', noRows: 'No rows.', sourceChanged: '⚠ source changed',
    details: 'Details', extras: 'Extra columns', noExtras: 'This row has no extra columns.',
    history: 'History', noHistory: 'No changes yet.', undo: 'Undo', undone: 'Undone', isUndo: '(undo)',
    'op.add': 'row added', 'op.delete': 'row deleted', 'op.reviewed': 'marked reviewed', 'op.unreviewed': 'marked not reviewed', empty: '(empty)',
    fullPage: 'Full page (f)', close: 'Close (Esc)', zoomIn: 'Zoom in (+)', zoomOut: 'Zoom out (−)', prevRow: '↑ Previous row (k)', nextRow: '↓ Next row (j)',
    pageOf: 'Page {0} of {1}', noPageImage: 'No image of the page (original not at hand): the text as read instead.', noPosition: 'This row has no position on the page.',
    help: 'Keys (?)', helpTitle: 'Keys',
    'k.jk': 'next / previous row', 'k.e': 'edit the row (first field)', 'k.enter': 'in a field: save and go down; Shift+Enter for a new line',
    'k.esc': 'in a field: drop unsaved changes; close a window', 'k.r': 'mark / unmark the row reviewed', 'k.slash': 'search',
    'k.f': 'the full source page, the row highlighted', 'k.zoom': 'zoom the page in / out', 'k.help': 'show / hide this list of keys',
  },
};

const STORE_KEY = 'plan-ingest.lang';
export const LANGUAGES = [['vi', 'Tiếng Việt'], ['en', 'English']];

/** The chosen language: remembered in localStorage, Vietnamese until someone picks English. */
export let lang = (() => {
  try {
    const saved = localStorage.getItem(STORE_KEY);
    return saved && STRINGS[saved] ? saved : 'vi';
  } catch {
    return 'vi';
  }
})();

export function setLang(l) {
  if (!STRINGS[l]) return;
  lang = l;
  try {
    localStorage.setItem(STORE_KEY, l);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = l;
}

/** A UI string with {0}, {1} … filled in; the key itself when missing (never undefined on screen). */
export function t(key, ...args) {
  const s = STRINGS[lang][key] ?? STRINGS.vi[key] ?? key;
  return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** Fills the static page's labels: data-i18n (text), data-i18n-ph (placeholder), data-i18n-title (title). */
export function translateStatic(root = document) {
  document.documentElement.lang = lang;
  for (const n of root.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of root.querySelectorAll('[data-i18n-ph]')) n.placeholder = t(n.dataset.i18nPh);
  for (const n of root.querySelectorAll('[data-i18n-title]')) n.title = t(n.dataset.i18nTitle);
}
