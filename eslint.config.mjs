// ESLint (flat config) with typescript-eslint's recommended rules; formatting is Prettier's job
// (eslint-config-prettier turns off the rules that would fight it).
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'cdktf.out/**', 'cdktn.out/**', 'node_modules/**', 'coverage/**', 'etc/**'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // The library reads Terraform's untyped JSON and cdktf's `any`-typed hooks (toTerraform); `any` stays visible in review.
      '@typescript-eslint/no-explicit-any': 'off',
      // Lazy require() is deliberate: the schedule validators, the time-zone table and the CLI's verbs load on
      // first use, so a synth that needs none of them does not pay for them (README, "Performance").
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
