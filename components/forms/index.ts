// The form kit: every form in the app is an <ActionForm> (zod schema + Server Action) with these fields.
export { ActionForm } from './action-form';
export { lazySchema } from './lazy-schema';
export { useFormApi, useOptionalFormApi } from './form-context';
export { TextField, PasswordField, TextAreaField, CheckboxField, SelectField, FieldError } from './fields';
export { FormAlert } from './form-alert';
export { SubmitButton } from './submit-button';
