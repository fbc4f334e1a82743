// Run by npm before the program itself: a Node.js too old for it would otherwise fail with a
// cryptic error deep inside a library. Written in the JavaScript every Node.js reads.
'use strict';

/** The versions package.json's "engines" allows: ^20.19.0 || ^22.12.0 || >=23. */
function supported(version) {
  var parts = String(version).replace(/^v/, '').split('.').map(Number);
  var major = parts[0];
  var minor = parts[1] || 0;
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
}

if (!supported(process.versions.node)) {
  process.stderr.write(
    'โปรแกรมนี้ต้องใช้ Node.js รุ่น 20.19 ขึ้นไป (รุ่น LTS) แต่เครื่องนี้มีรุ่น ' +
      process.versions.node +
      '\n' +
      'ดาวน์โหลดรุ่น LTS จาก nodejs.org ติดตั้งทับรุ่นเดิม (กด Next ตามค่าเริ่มต้น) ปิดหน้าต่างคำสั่งแล้วเปิดใหม่ แล้วรันอีกครั้ง\n' +
      '(This program needs Node.js 20.19 or later, LTS; this machine has ' +
      process.versions.node +
      ': install the LTS from nodejs.org.)\n',
  );
  process.exit(require('./exit-codes.json').usage);
}

module.exports = { supported: supported };
