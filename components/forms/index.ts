// The form kit: every form in the app is an <ActionForm> (zod schema + Server Action) with these fields.
export { ActionForm, type ActionFormProps } from './action-form';
export {
  useActionForm,
  type ActionFormApi,
  type FormAction,
  type FormInput,
  type FormOutput,
  type FormSchema,
  type UseActionFormOptions,
} from './use-action-form';
export { useFormApi, useOptionalFormApi } from './form-context';
export {
  TextField,
  PasswordField,
  TextAreaField,
  CheckboxField,
  SelectField,
  FieldError,
  type TextFieldProps,
  type PasswordFieldProps,
  type TextAreaFieldProps,
  type CheckboxFieldProps,
  type SelectFieldProps,
  type SelectOption,
} from './text-field';
export { SubmitButton, type SubmitButtonProps } from './submit-button';
export { FormAlert, type FormAlertProps } from './form-alert';
