/**
 * Length-preserving normalisation for matching: full-width ASCII to half-width, ideographic space to space, and
 * traditional characters that matter to the parser to simplified. Offsets in the result are offsets in the
 * original, so `text` and titles are always cut from the document as written.
 */
const TRADITIONAL =
  "別别號号簽签託托齡龄週周錶表隻只癒愈嚴严償偿報报據据廣广東东雲云澤泽種种劑剂師师僅仅庫库訊讯夥伙屬属備备災灾動动評评價价勵励懲惩違违審审會会歷历積积極极彙汇編编寫写擬拟織织則则條条達达責责單单頭头負负職职協协機机構构醫医衛卫縣县區区級级數数個个張张萬万億亿項项強强設设爭争將将實实現现務务確确證证預预計计劃划蓋盖標标準准滿满養养兒儿歲岁產产婦妇嬰婴療疗體体檢检測测篩筛診诊發发開开點点內内應应從从後后為为與与並并過过進进優优質质護护專专門门間间較较長长業业這这來来時时節节兩两減减處处辦办廳厅黨党總总係系務务結结療疗範范規规圍围歸归雙双舉举興兴農农營营氣气類类關关問问題题際际館馆樓楼鄉乡鎮镇衛卫級级於于億亿壓压濟济層层覽览饋馈療疗導导險险藥药員员診诊療疗構构訓训練练聯联絡络網网絡络線线區区臨临床床確确態态戰战義义務务當当讓让傳传統统權权鬥斗術术觀观點点輔辅邊边麼么體体總总爭争戶户陽阳陰阴淨净潔洁護护鄰邻擴扩團团隊队選选紮扎認认識识試试議议說说請请讀读談谈調调變变讓让費费資资質质貧贫購购賞赏贊赞貢贡責责財财販贩貫贯貸贷貿贸賦赋賴赖贏赢車车軍军輕轻輸输轉转達达邁迈還还遠远適适選选遺遗遲迟郵邮鄉乡鈕钮錄录鐘钟鍵键鏈链長长閉闭問问閱阅隊队陣阵陳陈險险隨随隱隐難难雞鸡電电響响頁页項项順顺須须預预領领頻频題题額额風风飛飞養养館馆馬马驗验驅驱體体鬆松魚鱼鳥鸟麥麦黃黄齊齐齒齿龍龙龜龟爾尔牽牵獎奖環环產产畢毕畫画異异當当療疗癥症盡尽監监盤盘目目眾众礎础禮礼稅税穩稳窮穷競竞筆笔築筑簡简籌筹約约紀纪級级純纯紙纸細细組组終终絕绝統统絲丝經经綠绿維维綱纲網网緊紧線线練练績绩縮缩總总繼继續续罰罚羅罗聖圣聞闻聲声職职腦脑脫脱藝艺蘇苏處处補补裝装製制複复規规視视親亲觸触計计訂订認认討讨訓训記记設设許许診诊詢询試试話话詳详誠诚誤误說说課课調调談谈請请論论諮咨講讲謀谋護护譽誉讓让豐丰貝贝負负財财責责貨货貴贵買买費费資资賓宾賣卖質质賬账賽赛購购贈赠學学創创復复訪访掛挂腫肿稱称聽听獻献採采斷断傷伤殘残輛辆樣样勢势飲饮廁厕搶抢慮虑圖图書书檔档幫帮鞏巩餵喂園园壽寿碼码錢钱貼贴獲获揮挥轄辖屆届擔担溝沟繫系廢废棄弃汙污飯饭蟲虫蠅蝇滅灭殺杀礙碍塵尘膽胆腎肾臟脏運运儲储憑凭讚赞陸陆寧宁濱滨漢汉蘭兰崗岗廠厂礦矿鋼钢鐵铁啟启縱纵橫横擁拥擠挤攜携徹彻釋释懷怀戀恋歡欢樂乐頒颁佈布國国無无對对們们見见參参願愿冊册勞劳換换損损擇择擊击敗败決决沒没況况漸渐熱热燈灯狀状獨独糧粮綜综緒绪緣缘覺觉訴诉該该語语謝谢賀贺賠赔趕赶趨趋跡迹踐践軌轨軟软載载辭辞遷迁錯错階阶雜杂靈灵靜静頂顶顧顾顯显駐驻麗丽揚扬掃扫拋抛搖摇濃浓濕湿瀏浏劇剧戲戏恥耻憲宪懸悬艦舰艱艰衝冲豬猪槍枪橋桥歐欧毀毁晉晋曉晓斂敛肅肃脅胁滯滞畝亩閒闲闊阔飽饱騎骑";

const MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(TRADITIONAL);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i];
    const to = chars[i + 1];
    if (from !== undefined && to !== undefined && from !== to) m.set(from, to);
  }
  return m;
})();

/**
 * Returns a copy of `text` of the same length (in UTF-16 code units) for matching.
 * @example normaliseForMatching("縣域內就診率達９０％左右") // → "县域内就诊率达90%左右"
 */
export function normaliseForMatching(text: string): string {
  // (Made from code units a slice at a time: adding to a string one character at a time is several times slower.)
  const codes: number[] = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = NORMALISED[text.charCodeAt(i)] as number;
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** What each UTF-16 code unit becomes: full-width ASCII half-width, the ideographic space a space, MAP's characters. */
const NORMALISED: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < table.length; c++) table[c] = c;
  for (const [from, to] of MAP)
    if (from.length === 1 && to.length === 1) table[from.charCodeAt(0)] = to.charCodeAt(0);
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  table[0x3000] = 0x20;
  return table;
})();

/** True when the text looks traditional (contains characters the map converts). */
export function looksTraditional(text: string): boolean {
  let hits = 0;
  for (const ch of text) if (MAP.has(ch) && ++hits >= 5) return true;
  return false;
}

/** Characters the parser adds to names it makes (…数, …人数), and how a traditional document writes them. */
const ADDED_TRADITIONAL: ReadonlyMap<string, string> = new Map([["数", "數"]]);

const isHan = (ch: string | undefined): boolean => ch !== undefined && ch >= "\u4e00" && ch <= "\u9fff";

/**
 * A name made from pieces of a normalised text (an indicator, a unit), with its Chinese characters as the document
 * writes them: each piece is found in `norm` and its characters are taken from `text` at the same place (ASCII
 * punctuation stays normalised). In a traditional document the characters the parser adds (数) are written
 * traditional too.
 * @example asWritten("县域内就诊率", "县域内就诊率达90%", "縣域內就診率達90%") // → "縣域內就診率"
 */
export function asWritten(name: string, norm: string, text: string): string {
  if (norm === text) return name;
  let traditional = false;
  for (let i = 0; i < norm.length && !traditional; i++) traditional = norm[i] !== text[i] && isHan(text[i]);
  let out = "";
  for (let i = 0; i < name.length;) {
    let at = -1;
    let length = 0;
    for (let l = name.length - i; l >= 1 && at < 0; l--) {
      at = norm.indexOf(name.slice(i, i + l));
      if (at >= 0) length = l;
    }
    if (at < 0) {
      const ch = name[i] as string;
      out += traditional ? (ADDED_TRADITIONAL.get(ch) ?? ch) : ch;
      i++;
      continue;
    }
    for (let j = 0; j < length; j++) {
      const written = text[at + j];
      const normalised = name[i + j] as string;
      out += written !== undefined && written !== normalised && isHan(written) ? written : normalised;
    }
    i += length;
  }
  return out;
}
