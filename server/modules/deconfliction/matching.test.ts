import { describe, expect, it } from 'vitest';
import { isSamePerson, type PersonRecord } from './matching.ts';
import { nameKey, normalizeName, phoneticKey } from '../identifiers/names.ts';
import { agesCompatible, birthRange } from '../entities/person-age.ts';

const TODAY = '2026-11-23';
const dob = (name: string, birthDate: string, ...aliases: string[]): PersonRecord => ({ names: [name, ...aliases], birthDate, estimatedAge: null, ageAsOf: null });
const age = (name: string, estimatedAge: number, ageAsOf = '2026-06-01'): PersonRecord => ({ names: [name], birthDate: null, estimatedAge, ageAsOf });

/**
 * A labeled set: pairs investigators would call the same person (transliterations, typos, order, missing
 * middle names, nicknames, date typos) and pairs they would not (similar names with other dates or ages,
 * different people sharing a surname or a date of birth).
 */
const SAME: Array<[PersonRecord, PersonRecord, string]> = [
  [dob('Aleksandr Ivanov', '1980-03-04'), dob('Alexander Ivanov', '1980-03-04'), 'romanization ks/x'],
  [dob('Александр Иванов', '1980-03-04'), dob('Alexander Ivanov', '1980-03-04'), 'Cyrillic'],
  [dob('IVANOV, Aleksandr', '1980-03-04'), dob('Aleksandr Ivanov', '1980-04-03'), 'last name first, day/month swapped'],
  [dob('Сергей Петров', '1975-11-30'), dob('Sergei Petrov', '1975-11-30'), 'Cyrillic 2'],
  [dob('Sergey Petrov', '1975-11-30'), dob('Serguei Petrov', '1975-11-30'), 'French romanization'],
  [dob('Dmitry Sokolov', '1990-01-15'), dob('Dmitri Sokolow', '1990-01-15'), 'German romanization'],
  [dob('Дмитрий Соколов', '1990-01-15'), dob('Dmitrii Sokolov', '1990-01-15'), 'Cyrillic 3'],
  [dob('Ольга Кузнецова', '1988-07-21'), dob('Olga Kuznetsova', '1988-07-21'), 'Cyrillic 4'],
  [dob('Наталья Романова', '1993-02-02'), dob('Natalia Romanova', '1993-02-02'), 'soft sign'],
  [dob('Tatiana Morozova', '1986-05-05'), dob('Tatyana Morozova', '1986-05-05'), 'ia/ya'],
  [dob('Yuri Volkov', '1970-09-09'), dob('Iouri Volkov', '1970-09-09'), 'Yu/Iou'],
  [dob('Taras Shevchenko', '1984-03-09'), dob('Taras Ševčenko', '1984-03-09'), 'Czech diacritics'],
  [dob('محمد أحمد', '1985-06-01'), dob('Mohammed Ahmed', '1985-06-01'), 'Arabic script'],
  [dob('Muhammad Ahmad', '1985-06-01'), dob('Mohamed Ahmed', '1985-06-01'), 'Arabic romanizations'],
  [dob('يوسف خليل', '1979-12-12'), dob('Yusuf Khalil', '1979-12-12'), 'Arabic 2'],
  [dob('Youssef Khalil', '1979-12-12'), dob('Yousef Khaleel', '1979-12-12'), 'Arabic romanizations 2'],
  [dob('حسين علي', '1991-08-08'), dob('Hussein Ali', '1991-08-08'), 'Arabic 3'],
  [dob('فاطمة الزهراء', '1996-04-04'), dob('Fatima Zahra', '1996-04-04'), 'Arabic article'],
  [dob('Γιώργος Παπαδόπουλος', '1982-10-10'), dob('Giorgos Papadopoulos', '1982-10-10'), 'Greek'],
  [dob('Νικόλαος Γεωργίου', '1977-01-01'), dob('Nikolaos Georgiou', '1977-01-01'), 'Greek 2'],
  [dob('José Luis Hernández', '1992-02-29'), dob('Jose Luis Hernandez', '1992-02-29'), 'accents'],
  [dob('María Elena González López', '1995-05-17'), dob('Maria Gonzalez', '1995-05-17'), 'missing middle and second surname'],
  [dob('Juan Carlos Ramirez', '1989-09-19'), dob('Juan Ramirez', '1989-09-19'), 'missing middle'],
  [dob('Guadalupe Torres', '2001-12-01'), dob('Lupe Torres', '2001-12-01'), 'nickname'],
  [dob('William Johnson', '1968-03-03'), dob('Bill Johnson', '1968-03-03'), 'nickname 2'],
  [dob('Jonathan Smith', '1990-10-01'), dob('Jonathon Smith', '1990-10-01'), 'typo'],
  [dob('Katherine Miller', '1987-07-07'), dob('Kathrine Miller', '1987-07-07'), 'typo 2'],
  [dob('Michael Brown', '1983-08-18'), dob('Micheal Brown', '1983-08-18'), 'transposition'],
  [dob('Nguyen Van Minh', '1994-04-14'), dob('Minh Van Nguyen', '1994-04-14'), 'order'],
  [dob('Li Wei', '1999-09-29'), dob('Wei Li', '1999-09-29'), 'order 2'],
  [dob('Veronica Castillo', '1997-06-16'), dob('Veronika Kastillo', '1997-06-16'), 'c/k'],
  [dob('Ana Torres', '2000-01-20'), dob('Anna Torres', '2000-01-20'), 'doubled letter'],
  [dob('Carlos Mendoza', '1981-11-11'), dob('Carlos Mendoza', '1981-11-12'), 'day typo'],
  [dob('Roberto Diaz', '1976-05-25'), dob('Roberto Diaz', '1986-05-25'), 'year digit typo'],
  [dob('Rosa Martinez', '2008-03-03'), age('Rosa Martínez', 17), 'age estimate fits the date of birth'],
  [age('Lina Kovalenko', 16), age('Lina Kovalenko', 18, '2026-10-01'), 'two estimates'],
  [dob('Oksana', '1999-01-01', 'Oksana Melnyk'), dob('Оксана Мельник', '1999-01-01'), 'alias'],
  [dob('王伟', '1991-03-15'), dob('Wang Wei', '1991-03-15'), 'Han'],
  [dob('李小龙', '1987-11-27'), dob('Li Xiaolong', '1987-11-27'), 'Han, given name written as one word'],
  [dob('张丽华', '1993-05-08'), dob('Zhang Li Hua', '1993-05-08'), 'Han 3'],
  [dob('김철수', '1989-02-14'), dob('Kim Cheol-su', '1989-02-14'), 'Hangul'],
  [dob('박지훈', '1995-07-30'), dob('Park Ji-hoon', '1995-07-30'), 'Hangul, customary surname spelling'],
  [dob('이민호', '1990-06-22'), dob('Lee Minho', '1990-06-22'), 'Hangul 3'],
  [dob('สมชาย ใจดี', '1984-09-01'), dob('Somchai Chaidi', '1984-09-01'), 'Thai'],
  [dob('สุดา ศรีสุข', '1998-12-03'), dob('Suda Srisuk', '1998-12-03'), 'Thai 2'],
  [dob('राहुल शर्मा', '1992-04-11'), dob('Rahul Sharma', '1992-04-11'), 'Devanagari'],
  [dob('प्रिया पटेल', '1996-10-19'), dob('Priya Patel', '1996-10-19'), 'Devanagari 2'],
  [dob('דוד כהן', '1978-08-13'), dob('David Cohen', '1978-08-13'), 'Hebrew'],
  [dob('משה לוי', '1983-01-25'), dob('Moshe Levi', '1983-01-25'), 'Hebrew 2'],
  [dob('Արամ Պետրոսյան', '1981-03-28'), dob('Aram Petrosyan', '1981-03-28'), 'Armenian'],
  [dob('Անի Հակոբյան', '1999-05-05'), dob('Ani Hakobyan', '1999-05-05'), 'Armenian 2'],
  [dob('გიორგი ბერიძე', '1986-12-12'), dob('Giorgi Beridze', '1986-12-12'), 'Georgian'],
  [dob('ნინო კაპანაძე', '1994-02-17'), dob('Nino Kapanadze', '1994-02-17'), 'Georgian 2'],
  [dob('አበበ በቀለ', '1980-07-07'), dob('Abebe Bekele', '1980-07-07'), 'Ethiopic'],
  [dob('ትግስት ኃይሉ', '1997-09-09'), dob('Tigist Hailu', '1997-09-09'), 'Ethiopic 2'],
];

const DIFFERENT: Array<[PersonRecord, PersonRecord, string]> = [
  [dob('Aleksandr Ivanov', '1980-03-04'), dob('Alexander Ivanov', '1992-10-21'), 'same name, other date'],
  [dob('Maria Gonzalez', '1995-05-17'), dob('Maria Gonzalez', '1971-01-30'), 'common name, other date'],
  [dob('Juan Perez', '1990-02-02'), dob('Jose Perez', '1990-02-02'), 'same surname and date, other first name'],
  [dob('Sergei Petrov', '1975-11-30'), dob('Sergei Popov', '1975-11-30'), 'other surname'],
  [dob('Mohammed Ahmed', '1985-06-01'), dob('Mahmoud Ahmed', '1985-06-01'), 'other first name'],
  [dob('Anna Kowalski', '1990-01-01'), dob('Hanna Nowak', '1990-01-01'), 'other person, same date'],
  [dob('David Lee', '1988-08-08'), dob('Daniel Lee', '1988-08-08'), 'brothers?'],
  [dob('Olga Kuznetsova', '1988-07-21'), dob('Olga Kuznetsova', '1958-02-11'), 'mother and daughter'],
  [age('Lina Kovalenko', 16), age('Lina Kovalenko', 35), 'estimates far apart'],
  [dob('Rosa Martinez', '2008-03-03'), age('Rosa Martinez', 30), 'estimate far from date of birth'],
  [dob('Carlos Ruiz', '1981-11-11'), dob('Carlos Ortiz', '1981-11-11'), 'rhyming surnames'],
  [dob('Yusuf Khalil', '1979-12-12'), dob('Yusuf Kamal', '1979-12-12'), 'other surname 2'],
  [dob('Giorgos Papadopoulos', '1982-10-10'), dob('Giorgos Papadakis', '1982-10-10'), 'shared prefix'],
  [dob('Li Wei', '1999-09-29'), dob('Li Na', '1999-09-29'), 'short names'],
  [dob('Nguyen Van Minh', '1994-04-14'), dob('Nguyen Van Nam', '1994-04-14'), 'common Vietnamese pattern'],
  [dob('Jonathan Smith', '1990-10-01'), dob('Jonathan Smith', '1990-03-17'), 'same name, other month and day'],
  [dob('Michael Brown', '1983-08-18'), dob('Michelle Brown', '1983-08-18'), 'twins?'],
  [dob('Pedro Sanchez', '1970-01-01'), dob('Pablo Sanchez', '1970-01-01'), 'other first name 3'],
  [dob('Ivan Petrenko', '1985-05-05'), dob('Ivan Petrenko', '1995-06-05'), 'two fields differ'],
  [dob('Fatima Zahra', '1996-04-04'), dob('Fatima Hassan', '1996-04-04'), 'other surname 3'],
  [dob('王伟', '1991-03-15'), dob('王芳', '1991-03-15'), 'Han, other given name'],
  [dob('王伟', '1991-03-15'), dob('Wang Wei', '1971-08-02'), 'Han, other date'],
  [dob('김철수', '1989-02-14'), dob('김영희', '1989-02-14'), 'Hangul, other given name'],
  [dob('สมชาย ใจดี', '1984-09-01'), dob('สมศักดิ์ ใจดี', '1984-09-01'), 'Thai, other given name'],
  [dob('राहुल शर्मा', '1992-04-11'), dob('रोहित शर्मा', '1992-04-11'), 'Devanagari, other given name'],
  [dob('דוד כהן', '1978-08-13'), dob('דוד לוי', '1978-08-13'), 'Hebrew, other surname'],
  [dob('Արամ Պետրոսյան', '1981-03-28'), dob('Արամ Սարգսյան', '1981-03-28'), 'Armenian, other surname'],
  [dob('გიორგი ბერიძე', '1986-12-12'), dob('გიორგი მელაძე', '1986-12-12'), 'Georgian, other surname'],
  [dob('አበበ በቀለ', '1980-07-07'), dob('አበበ ተሰማ', '1980-07-07'), 'Ethiopic, other surname'],
];

describe('fuzzy person matching (deconfliction)', () => {
  it('reaches its precision and recall floors on a labeled set', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const [a, b, why] of SAME) {
      if (isSamePerson(a, b, TODAY) && isSamePerson(b, a, TODAY)) tp++;
      else {
        fn++;
        misses.push(`missed: ${why} (${a.names[0]} / ${b.names[0]})`);
      }
    }
    for (const [a, b, why] of DIFFERENT) {
      if (isSamePerson(a, b, TODAY)) {
        fp++;
        misses.push(`false match: ${why} (${a.names[0]} / ${b.names[0]})`);
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`person matching on ${SAME.length} true and ${DIFFERENT.length} false pairs: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('keys a name the same way in any script and order', () => {
    expect(nameKey('Александр Иванов')).toBe(nameKey('IVANOV, Aleksandr'));
    expect(phoneticKey('Alexander Ivanov')).toBe(phoneticKey('Александр Иванов'));
    expect(phoneticKey('محمد أحمد')).toBe(phoneticKey('Mohammed Ahmed'));
    expect(normalizeName('  JOSÉ\u200b  de la CRUZ ')).toBe('jose de la cruz');
    expect(normalizeName('💀🔥')).toBe('');
    expect(normalizeName('김철수')).toBe('gim cheol su');
    expect(normalizeName('王伟')).toBe('wang wei');
    expect(nameKey('Petrosyan, Aram')).toBe(nameKey('Արամ Պետրոսյան'));
    expect(nameKey('Giorgi Beridze')).toBe(nameKey('გიორგი ბერიძე'));
    for (const name of ['สมชาย ใจดี', 'राहुल शर्मा', 'דוד כהן', 'አበበ በቀለ']) expect(nameKey(name)).toMatch(/^[a-z]+ [a-z]+$/);
    expect(normalizeName('x'.repeat(10_000)).length).toBe(200);
  });

  it('judges ages by date of birth, by estimate (±2 years) and by typos in a date', () => {
    expect(birthRange({ birthDate: null, estimatedAge: 16, ageAsOf: '2026-06-01' }, TODAY)).toEqual({ from: '2007-06-02', to: '2012-06-01' });
    expect(agesCompatible({ birthDate: '2008-03-03', estimatedAge: null, ageAsOf: null }, { birthDate: null, estimatedAge: 17, ageAsOf: '2026-06-01' }, TODAY)).toBe(true);
    expect(agesCompatible({ birthDate: '1990-01-02', estimatedAge: null, ageAsOf: null }, { birthDate: '1990-02-01', estimatedAge: null, ageAsOf: null }, TODAY)).toBe(true);
    expect(agesCompatible({ birthDate: '1990-01-02', estimatedAge: null, ageAsOf: null }, { birthDate: '1991-03-02', estimatedAge: null, ageAsOf: null }, TODAY)).toBe(false);
    expect(agesCompatible({ birthDate: null, estimatedAge: null, ageAsOf: null }, { birthDate: '1991-03-02', estimatedAge: null, ageAsOf: null }, TODAY)).toBe(false);
  });
});
