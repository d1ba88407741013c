//! The legacy `Currency`/`ReservableCurrency` API that pallet-preimage's `Config` still names.
//!
//! pallet-token is a `fungible` currency with holds and has **no legacy reserves**. pallet-preimage
//! only uses its `Currency` to `unreserve` deposits of preimages noted before holds existed
//! (`StatusFor`, migrated by `ensure_updated`), which this chain never had. [`NoLegacyReserves`]
//! therefore reads balances from pallet-token, reports nothing reserved, refuses every mutation
//! that can fail with [`LEGACY_API`], and treats the infallible ones as a defensive no-op.

use frame_support::{
	defensive,
	traits::{
		fungible::Inspect,
		tokens::{
			currency::{Currency, ReservableCurrency},
			imbalance::{Imbalance, SignedImbalance, TryMerge},
			BalanceStatus, ExistenceRequirement, WithdrawReasons,
		},
		SameOrOther, TryDrop,
	},
};
use sp_runtime::{DispatchError, DispatchResult};

use crate::{AccountId, Balance, Balances};

/// The error of every legacy mutation.
pub const LEGACY_API: DispatchError =
	DispatchError::Other("the legacy Currency API is not supported: use the fungible traits");

/// An imbalance that is always zero: the legacy API never moves funds.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct NoImbalance;

impl TryDrop for NoImbalance {
	fn try_drop(self) -> Result<(), Self> {
		Ok(())
	}
}

impl TryMerge for NoImbalance {
	fn try_merge(self, _: Self) -> Result<Self, (Self, Self)> {
		Ok(Self)
	}
}

impl Imbalance<Balance> for NoImbalance {
	type Opposite = NoImbalance;
	fn zero() -> Self {
		Self
	}
	fn drop_zero(self) -> Result<(), Self> {
		Ok(())
	}
	fn split(self, _: Balance) -> (Self, Self) {
		(Self, Self)
	}
	fn extract(&mut self, _: Balance) -> Self {
		Self
	}
	fn merge(self, _: Self) -> Self {
		Self
	}
	fn subsume(&mut self, _: Self) {}
	fn offset(self, _: Self::Opposite) -> SameOrOther<Self, Self::Opposite> {
		SameOrOther::None
	}
	fn peek(&self) -> Balance {
		0
	}
}

/// The legacy currency API over pallet-token, without legacy reserves (see the module docs).
pub struct NoLegacyReserves;

fn unsupported() {
	defensive!("the legacy Currency API is not supported by this runtime");
}

impl Currency<AccountId> for NoLegacyReserves {
	type Balance = Balance;
	type PositiveImbalance = NoImbalance;
	type NegativeImbalance = NoImbalance;

	fn total_balance(who: &AccountId) -> Balance {
		<Balances as Inspect<_>>::total_balance(who)
	}
	fn can_slash(_: &AccountId, value: Balance) -> bool {
		value == 0
	}
	fn total_issuance() -> Balance {
		<Balances as Inspect<_>>::total_issuance()
	}
	fn minimum_balance() -> Balance {
		<Balances as Inspect<_>>::minimum_balance()
	}
	fn burn(_: Balance) -> NoImbalance {
		unsupported();
		NoImbalance
	}
	fn issue(_: Balance) -> NoImbalance {
		unsupported();
		NoImbalance
	}
	fn free_balance(who: &AccountId) -> Balance {
		<Balances as Inspect<_>>::balance(who)
	}
	fn ensure_can_withdraw(
		_: &AccountId,
		_: Balance,
		_: WithdrawReasons,
		_: Balance,
	) -> DispatchResult {
		Err(LEGACY_API)
	}
	fn transfer(
		_: &AccountId,
		_: &AccountId,
		_: Balance,
		_: ExistenceRequirement,
	) -> DispatchResult {
		Err(LEGACY_API)
	}
	fn slash(_: &AccountId, value: Balance) -> (NoImbalance, Balance) {
		// Nothing slashed: all of `value` remains.
		(NoImbalance, value)
	}
	fn deposit_into_existing(_: &AccountId, _: Balance) -> Result<NoImbalance, DispatchError> {
		Err(LEGACY_API)
	}
	fn deposit_creating(_: &AccountId, _: Balance) -> NoImbalance {
		unsupported();
		NoImbalance
	}
	fn withdraw(
		_: &AccountId,
		_: Balance,
		_: WithdrawReasons,
		_: ExistenceRequirement,
	) -> Result<NoImbalance, DispatchError> {
		Err(LEGACY_API)
	}
	fn make_free_balance_be(_: &AccountId, _: Balance) -> SignedImbalance<Balance, NoImbalance> {
		unsupported();
		SignedImbalance::Positive(NoImbalance)
	}
}

impl ReservableCurrency<AccountId> for NoLegacyReserves {
	fn can_reserve(_: &AccountId, value: Balance) -> bool {
		value == 0
	}
	fn slash_reserved(_: &AccountId, value: Balance) -> (NoImbalance, Balance) {
		(NoImbalance, value)
	}
	fn reserved_balance(_: &AccountId) -> Balance {
		0
	}
	fn reserve(_: &AccountId, _: Balance) -> DispatchResult {
		Err(LEGACY_API)
	}
	fn unreserve(_: &AccountId, value: Balance) -> Balance {
		// Nothing is reserved under the legacy API: all of `value` remains un-unreserved.
		value
	}
	fn repatriate_reserved(
		_: &AccountId,
		_: &AccountId,
		_: Balance,
		_: BalanceStatus,
	) -> Result<Balance, DispatchError> {
		Err(LEGACY_API)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn legacy_mutations_fail() {
		let who = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		assert_eq!(NoLegacyReserves::reserve(&who, 1), Err(LEGACY_API));
		assert_eq!(NoLegacyReserves::unreserve(&who, 5), 5);
		assert_eq!(NoLegacyReserves::reserved_balance(&who), 0);
		assert!(!NoLegacyReserves::can_reserve(&who, 1));
		assert_eq!(
			NoLegacyReserves::transfer(&who, &who, 1, ExistenceRequirement::KeepAlive),
			Err(LEGACY_API)
		);
	}
}
