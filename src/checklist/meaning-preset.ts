import type { Meaning } from '../state/meaning';

/** Whether the signer's role is among the roles responsible for a step. */
export function responsibleFor(signerRole: string, stepRoles: readonly string[]): boolean {
	return signerRole !== '' && stepRoles.includes(signerRole);
}

/** The meaning a new sign-off starts on: "performed" only for a role responsible for the step; otherwise none, the signer chooses. */
export function presetMeaning(signerRole: string, stepRoles: readonly string[]): Meaning | '' {
	return responsibleFor(signerRole, stepRoles) ? 'performed' : '';
}
