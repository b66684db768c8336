// Who may do what inside a company. Pure: shared by pages, actions, navigation and tests.

export const companyRoles = ['owner', 'accountant', 'engineer'] as const;
export type CompanyRole = (typeof companyRoles)[number];

export const companyRoleLabels: Record<CompanyRole, string> = {
  owner: 'Владелец',
  accountant: 'Бухгалтер',
  engineer: 'Энергетик',
};

export const companyRoleDescriptions: Record<CompanyRole, string> = {
  owner: 'всё, включая управление пользователями',
  accountant: 'счета, оплата, акты сверки',
  engineer: 'приборы учёта и показания',
};

/** The parts of the company cabinet; each page and action names the one it belongs to. */
export type CompanyCapability =
  'overview' | 'bills' | 'payments' | 'reconciliation' | 'readings' | 'connection' | 'users' | 'applications';

const allowed: Record<CompanyCapability, readonly CompanyRole[]> = {
  overview: ['owner', 'accountant', 'engineer'],
  bills: ['owner', 'accountant'],
  payments: ['owner', 'accountant'],
  reconciliation: ['owner', 'accountant'],
  readings: ['owner', 'engineer'],
  connection: ['owner', 'engineer'],
  users: ['owner'],
  /** A new contract binds the company: its owner signs for it. */
  applications: ['owner'],
};

export function companyRoleCan(role: CompanyRole | null | undefined, capability: CompanyCapability): boolean {
  return role != null && allowed[capability].includes(role);
}
