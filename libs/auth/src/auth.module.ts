import { Global, Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { CommandsModule } from '#commands';
import type { AppConfig } from '#config';
import { AuthGuard } from './auth.guard.js';
import { Credentials } from './credentials.js';
import { jwtSecret } from './jwt-secret.js';
import { LoginAttempts } from './login-attempts.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokens } from './refresh-tokens.js';
import { SignIn } from './sign-in.js';
import { StaffAccounts } from './staff-accounts.js';
import { StaffDirectory } from './staff-directory.js';

@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    // A key made once: given the secret as text, jsonwebtoken tries to read it as a public key
    // (and fails) on every token it checks, which cost more than the rest of a request's checks.
    const key = createSecretKey(Buffer.from(jwtSecret(config), 'utf8'));
    return {
      module: AuthModule,
      imports: [CommandsModule, JwtModule.register({ secret: key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } })],
      providers: [LoginAttempts, StaffDirectory, PasswordHasher, Credentials, RefreshTokens, StaffAccounts, SignIn, AuthGuard],
      exports: [StaffDirectory, StaffAccounts, SignIn, AuthGuard, PasswordHasher, Credentials],
    };
  }
}
