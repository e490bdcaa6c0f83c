/**
 * Wire schemas of the rectification plan (整改方案): per rectification item the measure kind,
 * the measures, the start date, budget lines and products; per assessment the plan's overall
 * objectives, principles and budget note. Shared by the server, the CLI and the web UI.
 *
 * Amounts are CNY (人民币元) with at most two decimals; totals are summed in fen (分) so that
 * 0.1 + 0.2 prints 0.30 (see {@link toFen}).
 */
import { z } from 'zod';
import { IsoDateSchema, MAX_INT } from './schemas';

/** 技术措施 / 管理措施: how a finding is remedied. */
export const MEASURE_KINDS = ['technical', 'management'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * The certificate a product to procure holds:
 * - `sales_licence`: 计算机信息系统安全专用产品销售许可证. No longer issued since 2023-07-01
 *   (《关于调整网络安全专用产品安全管理有关事项的公告》, 国家互联网信息办公室、工业和信息化部、
 *   公安部、财政部、国家认证认可监督管理委员会 2023年第1号, item 二); licences issued before
 *   stay valid until they expire, so a plan may still list one.
 * - `security_certification`: 安全认证合格 or 安全检测符合要求 by a listed body, required since
 *   2023-07-01 for products in the 《网络关键设备和网络安全专用产品目录》 (same announcement,
 *   item 一; 《网络安全法》第二十三条).
 * - `commercial_crypto`: 商用密码产品认证证书 (《商用密码管理条例》, 2023 revision). Unverified by
 *   dengbao beyond the name: a documented parameter.
 * - `other`.
 */
export const CERTIFICATION_KINDS = [
  'sales_licence',
  'security_certification',
  'commercial_crypto',
  'other',
] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

/** Lines of each list per rectification item. */
export const MAX_PLAN_LINES = 50;
/** The largest amount one line may hold (CNY): far above any plan, and safe in fen as a double. */
export const MAX_AMOUNT = 10_000_000_000;

/** An amount in CNY as a whole number of fen (分). */
export const toFen = (amount: number): number => Math.round(amount * 100);

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is limited to ${max} characters`);
const optional = (max: number, what: string) =>
  z.string().trim().max(max, `${what} is limited to ${max} characters`).nullable().optional();

/** A sum of money in CNY: ≥ 0, at most two decimals. */
export const AmountSchema = z
  .number()
  .finite()
  .min(0, 'an amount must not be negative')
  .max(MAX_AMOUNT, 'an amount is limited to 10,000,000,000 CNY')
  .refine(
    (v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6,
    'an amount has at most two decimals (fen)',
  );

/** One budget line of a rectification item: what, how much (CNY), paid from where. */
export const BudgetLineSchema = z
  .object({
    item: text(200, 'the budget item'),
    amount: AmountSchema,
    /** e.g. 年度信息化专项资金, 自筹. */
    fundingSource: optional(200, 'the funding source'),
  })
  .strict();
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

/** One product to procure: name, type, vendor and model, quantity, unit price, certificate. */
export const ProductSchema = z
  .object({
    name: text(200, 'the product name'),
    /** e.g. 堡垒机, 日志审计系统, 服务器密码机. */
    type: optional(100, 'the product type'),
    vendor: optional(200, 'the vendor'),
    model: optional(200, 'the model'),
    quantity: z
      .number()
      .int('a quantity is a whole number')
      .min(1, 'a quantity is at least 1')
      .max(100_000, 'a quantity is at most 100000'),
    unitPrice: AmountSchema,
    certificationKind: z.enum(CERTIFICATION_KINDS).nullable().optional(),
    /** The certificate's number, e.g. of the 商用密码产品认证证书. */
    certificateNumber: optional(100, 'the certificate number'),
  })
  .strict();
export type Product = z.infer<typeof ProductSchema>;

export const BudgetLinesSchema = z
  .array(BudgetLineSchema)
  .max(MAX_PLAN_LINES, `at most ${MAX_PLAN_LINES} budget lines per item`);
export const ProductsSchema = z
  .array(ProductSchema)
  .max(MAX_PLAN_LINES, `at most ${MAX_PLAN_LINES} products per item`);

/** The plan fields of a rectification item's PATCH (merged into RectificationPatchSchema). */
export const RectificationPlanFields = {
  measureKind: z.enum(MEASURE_KINDS).nullable().optional(),
  /** 整改措施: what will be done (stored SM4-encrypted). */
  measures: optional(4000, 'the measures'),
  /** 计划开始日期, for the schedule; not after the due date. */
  startDate: IsoDateSchema.nullable().optional(),
  budgetLines: BudgetLinesSchema.optional(),
  products: ProductsSchema.optional(),
};

/** The plan's overall text: objectives, principles, budget note (PUT with the version read). */
export const RectificationPlanInputSchema = z
  .object({
    /** 0 when no plan record exists yet. */
    version: z.number().int().min(0).max(MAX_INT),
    objectives: optional(4000, 'the objectives'),
    principles: optional(4000, 'the principles'),
    budgetNote: optional(2000, 'the budget note'),
  })
  .strict();
export type RectificationPlanInput = z.infer<typeof RectificationPlanInputSchema>;

/** The plan's overall text as the API shows it; version 0 = not saved yet. */
export interface RectificationPlanDto {
  assessmentId: string;
  objectives: string | null;
  principles: string | null;
  budgetNote: string | null;
  version: number;
  updatedAt: string | null;
}

/** Total of budget lines and products in fen. */
export function planCostFen(item: {
  budgetLines: readonly Pick<BudgetLine, 'amount'>[];
  products: readonly Pick<Product, 'quantity' | 'unitPrice'>[];
}): { budgetFen: number; productsFen: number } {
  let budgetFen = 0;
  for (const l of item.budgetLines) budgetFen += toFen(l.amount);
  let productsFen = 0;
  for (const p of item.products) productsFen += toFen(p.unitPrice) * p.quantity;
  return { budgetFen, productsFen };
}
