/**
 * The screening questionnaire: plain, trauma-informed questions over the indicator domains of validated tools
 * (migration and recruitment, deception, coercion and control, labor conditions, sexual exploitation, isolation,
 * violence). Every question can be skipped; a "yes" is an indicator. The result is transparent: which indicators
 * were present, a score, whether the person is a potential victim, and why. Answers map to HTCDS
 * `vic_MethodsOfControl` and `vic_TypeOfExploitation`.
 */
export const SCREENING_DOMAINS = ['migration_recruitment', 'deception', 'coercion_control', 'labor_conditions', 'sexual_exploitation', 'isolation', 'violence'] as const;
export type ScreeningDomain = (typeof SCREENING_DOMAINS)[number];

/** Force, fraud or coercion (the means), or the exploitation itself (the purpose). */
type Element = 'means' | 'labor' | 'sex' | 'context';

export interface ScreeningQuestion {
  id: string;
  domain: ScreeningDomain;
  element: Element;
  weight: number;
  text: { en: string; es: string };
  methodsOfControl: string[];
  exploitation: string[];
}

const q = (id: string, domain: ScreeningDomain, element: Element, weight: number, en: string, es: string, methodsOfControl: string[] = [], exploitation: string[] = []): ScreeningQuestion => ({
  id, domain, element, weight, text: { en, es }, methodsOfControl, exploitation,
});

export const SCREENING_INTRO = {
  en: 'These questions are about work and living situations. You do not have to answer any question, and you can stop at any time. Your answers help us understand what support might help you.',
  es: 'Estas preguntas son sobre situaciones de trabajo y de vivienda. No tiene que contestar ninguna pregunta y puede parar cuando quiera. Sus respuestas nos ayudan a entender qué apoyo le puede servir.',
};

export const SCREENING_QUESTIONS: readonly ScreeningQuestion[] = [
  q('travel_arranged', 'migration_recruitment', 'context', 1, 'Did someone arrange or pay for your travel, papers or a place to stay, and expect something back?', '¿Alguien organizó o pagó su viaje, sus papeles o un lugar para vivir, y esperaba algo a cambio?'),
  q('promise_broken', 'deception', 'means', 2, 'Did someone promise you a job, school or a better life that turned out to be different from what you were told?', '¿Alguien le prometió un trabajo, estudios o una vida mejor que resultó ser distinto de lo que le dijeron?', ['FalsePromises']),
  q('debt', 'coercion_control', 'means', 3, 'Do you owe money to someone you work for, or who brought you here, that keeps growing or that you cannot pay off?', '¿Le debe dinero a alguien para quien trabaja, o que le trajo aquí, y la deuda sigue creciendo o no la puede pagar?', ['DebtBondage']),
  q('documents_kept', 'coercion_control', 'means', 3, 'Does someone else keep your ID, passport or other papers and not give them back when you ask?', '¿Otra persona guarda su identificación, pasaporte u otros papeles y no se los devuelve cuando los pide?', ['WithholdsDocuments']),
  q('cannot_leave', 'coercion_control', 'means', 3, 'Have you felt that you could not leave your work or the place you stay, even if you wanted to?', '¿Ha sentido que no podía dejar su trabajo o el lugar donde se queda, aunque quisiera?', ['PsychologicalAbuse']),
  q('threat_authorities', 'coercion_control', 'means', 3, 'Has anyone said you would be arrested, deported or reported if you did not do what they said?', '¿Alguien le dijo que le arrestarían, le deportarían o le denunciarían si no hacía lo que le decían?', ['ThreatsLawEnforcement']),
  q('substances', 'coercion_control', 'means', 2, 'Has anyone given you alcohol or drugs to control you or to make you work?', '¿Alguien le dio alcohol o drogas para controlarle o para hacerle trabajar?', ['PsychoactiveSubstance']),
  q('earnings_taken', 'labor_conditions', 'labor', 3, 'Does someone take all or most of the money you earn?', '¿Alguien se queda con todo o casi todo el dinero que usted gana?', ['TakesEarnings', 'RestrictsFinancialAccess']),
  q('forced_work', 'labor_conditions', 'labor', 3, 'Have you been made to do work you did not agree to?', '¿Le han obligado a hacer un trabajo que usted no aceptó?', [], ['ForcedLabour']),
  q('long_hours', 'labor_conditions', 'labor', 2, 'Have you been made to work very long hours, with few or no breaks or days off?', '¿Le han hecho trabajar muchísimas horas, con pocos o ningún descanso o día libre?', ['ExcessiveWorkingHours'], ['ForcedLabour']),
  q('necessities_withheld', 'labor_conditions', 'means', 2, 'Have you been kept from food, sleep, medical care or other things you need?', '¿Le han negado comida, descanso, atención médica u otras cosas que necesita?', ['WithholdsNecessities', 'RestrictsMedicalCare']),
  q('sex_exchange', 'sexual_exploitation', 'sex', 4, 'Has anyone made you, or pressured you, to do sexual things in exchange for money, a place to stay, food or anything else?', '¿Alguien le obligó o le presionó a hacer cosas sexuales a cambio de dinero, un lugar para quedarse, comida o cualquier otra cosa?', ['SexualAbuse'], ['SexualExploitation']),
  q('cut_off', 'isolation', 'means', 2, 'Are you kept from contacting your family or friends, or from going out on your own?', '¿Le impiden comunicarse con su familia o amistades, o salir por su cuenta?', ['PsychologicalAbuse']),
  q('watched', 'isolation', 'means', 1, 'Does someone watch or follow you, or listen to your calls or read your messages?', '¿Alguien le vigila o le sigue, o escucha sus llamadas o lee sus mensajes?', ['PsychologicalAbuse']),
  q('threats', 'violence', 'means', 3, 'Has anyone threatened to hurt you or people you care about?', '¿Alguien amenazó con hacerle daño a usted o a personas que usted quiere?', ['PhysicalThreats', 'ThreatensChildrenFamily']),
  q('harmed', 'violence', 'means', 3, 'Has anyone hit you or hurt you physically?', '¿Alguien le ha golpeado o le ha hecho daño físico?', ['PhysicalAbuse']),
];

export type ScreeningAnswer = 'yes' | 'no' | 'unsure';

/** Several indicators together call for follow-up even without a clear means-and-purpose pair. */
export const SCORE_THRESHOLD = 8;

export interface ScreeningResult {
  indicators: Array<{ id: string; domain: ScreeningDomain }>;
  score: number;
  potentialVictim: boolean;
  reasons: string[];
  methodsOfControl: string[];
  typesOfExploitation: string[];
  answered: number;
  skipped: number;
}

/**
 * Scores answers (absent = skipped). A potential victim: commercial sex with a minor (no means needed), commercial
 * sex or labor exploitation together with force, fraud or coercion, or a score at or above the threshold.
 */
export function scoreScreening(answers: Readonly<Record<string, ScreeningAnswer>>, isMinor: boolean): ScreeningResult {
  const present = SCREENING_QUESTIONS.filter((question) => answers[question.id] === 'yes');
  const score = present.reduce((sum, question) => sum + question.weight, 0);
  const has = (element: Element) => present.some((question) => question.element === element);
  const reasons: string[] = [];
  if (has('sex') && isMinor) reasons.push('A person under 18 was involved in commercial sex: no force, fraud or coercion needs to be shown.');
  if (has('sex') && has('means')) reasons.push('Commercial sex together with force, fraud or coercion.');
  if (has('labor') && has('means')) reasons.push('Labor or services together with force, fraud or coercion.');
  if (reasons.length === 0 && score >= SCORE_THRESHOLD) reasons.push(`Several indicators together (score ${score}, threshold ${SCORE_THRESHOLD}).`);
  const potentialVictim = reasons.length > 0;
  if (!potentialVictim) reasons.push(present.length ? `Indicators present (score ${score}) but no exploitation together with force, fraud or coercion.` : 'No indicator was reported.');
  const exploitation = new Set(present.flatMap((question) => question.exploitation));
  if (isMinor && exploitation.has('ForcedLabour')) exploitation.add('ChildLabour');
  const answered = SCREENING_QUESTIONS.filter((question) => answers[question.id] !== undefined).length;
  return {
    indicators: present.map((question) => ({ id: question.id, domain: question.domain })),
    score,
    potentialVictim,
    reasons,
    methodsOfControl: [...new Set(present.flatMap((question) => question.methodsOfControl))].sort(),
    typesOfExploitation: [...exploitation].sort(),
    answered,
    skipped: SCREENING_QUESTIONS.length - answered,
  };
}
