//! The `fungible` traits of pallet-token. The rules (reducible balance, deposit and withdrawal
//! consequences, holds, freezes, dust) are those of pallet-balances, so that the two behave
//! identically; on top, every balance change goes through [`Pallet::try_mutate_account`], which
//! records voting power at snapshots, and freezes count the delegated amount.

use super::*;
use frame_support::traits::tokens::{
	DepositConsequence, Fortitude,
	Fortitude::{Force, Polite},
	Precision,
	Preservation::{self, Expendable, Preserve, Protect},
	Provenance::{self, Minted},
	WithdrawConsequence,
};
use sp_runtime::{traits::Bounded, TokenError};

impl<T: Config> fungible::Inspect<T::AccountId> for Pallet<T> {
	type Balance = T::Balance;

	fn total_issuance() -> Self::Balance {
		TotalIssuance::<T>::get()
	}
	fn active_issuance() -> Self::Balance {
		TotalIssuance::<T>::get().saturating_sub(InactiveIssuance::<T>::get())
	}
	fn minimum_balance() -> Self::Balance {
		T::ExistentialDeposit::get()
	}
	fn total_balance(who: &T::AccountId) -> Self::Balance {
		Self::account(who).total()
	}
	fn balance(who: &T::AccountId) -> Self::Balance {
		Self::account(who).free
	}
	fn reducible_balance(
		who: &T::AccountId,
		preservation: Preservation,
		force: Fortitude,
	) -> Self::Balance {
		Self::reducible_of(who, &Self::account(who), preservation, force)
	}
	fn can_deposit(
		who: &T::AccountId,
		amount: Self::Balance,
		provenance: Provenance,
	) -> DepositConsequence {
		Self::deposit_consequence(&Self::account(who), amount, provenance)
	}
	fn can_withdraw(
		who: &T::AccountId,
		amount: Self::Balance,
	) -> WithdrawConsequence<Self::Balance> {
		Self::withdraw_consequence(who, &Self::account(who), amount)
	}
}

/// The rules of the `fungible` traits, given the account data of `who` (read once by the caller):
/// a transfer or a fee payment reads each account once before writing it, where the traits'
/// default methods would read it again for every check. The rules are pallet-balances' (the
/// differential test against pallet-balances checks that the outcomes are the same).
impl<T: Config> Pallet<T> {
	/// `reducible_balance` of `who`, whose data is `a`.
	fn reducible_of(
		who: &T::AccountId,
		a: &AccountDataOf<T>,
		preservation: Preservation,
		force: Fortitude,
	) -> T::Balance {
		let mut untouchable = Zero::zero();
		if force == Polite {
			// Freezes apply to the total balance, so what is on hold counts towards them.
			untouchable = a.frozen.saturating_sub(a.reserved);
		}
		let needs_ed = preservation == Preserve
			|| (preservation == Protect
				&& !a.free.is_zero()
				&& frame_system::Pallet::<T>::providers(who) == 1)
			|| (preservation == Expendable
				&& !a.free.is_zero()
				&& !frame_system::Pallet::<T>::can_dec_provider(who));
		if needs_ed {
			untouchable = untouchable.max(T::ExistentialDeposit::get());
		}
		a.free.saturating_sub(untouchable)
	}

	/// `can_deposit` to an account whose data is `account`.
	fn deposit_consequence(
		account: &AccountDataOf<T>,
		amount: T::Balance,
		provenance: Provenance,
	) -> DepositConsequence {
		if amount.is_zero() {
			return DepositConsequence::Success;
		}
		if provenance == Minted && TotalIssuance::<T>::get().checked_add(&amount).is_none() {
			return DepositConsequence::Overflow;
		}
		let new_free = match account.free.checked_add(&amount) {
			None => return DepositConsequence::Overflow,
			Some(x) if x < T::ExistentialDeposit::get() => return DepositConsequence::BelowMinimum,
			Some(x) => x,
		};
		if account.reserved.checked_add(&new_free).is_none() {
			return DepositConsequence::Overflow;
		}
		DepositConsequence::Success
	}
	/// `can_withdraw` from `who`, whose data is `account`.
	fn withdraw_consequence(
		who: &T::AccountId,
		account: &AccountDataOf<T>,
		amount: T::Balance,
	) -> WithdrawConsequence<T::Balance> {
		if amount.is_zero() {
			return WithdrawConsequence::Success;
		}
		if TotalIssuance::<T>::get().checked_sub(&amount).is_none() {
			return WithdrawConsequence::Underflow;
		}
		let new_free = match account.free.checked_sub(&amount) {
			Some(x) => x,
			None => return WithdrawConsequence::BalanceLow,
		};
		let liquid = Self::reducible_of(who, account, Expendable, Polite);
		if amount > liquid {
			return WithdrawConsequence::Frozen;
		}
		// The account may not lose its last provider reference if it cannot afford to.
		let success = if new_free < T::ExistentialDeposit::get() {
			if frame_system::Pallet::<T>::can_dec_provider(who) {
				WithdrawConsequence::ReducedToZero(new_free)
			} else {
				return WithdrawConsequence::WouldDie;
			}
		} else {
			WithdrawConsequence::Success
		};
		if new_free.saturating_add(account.reserved) < account.frozen {
			return WithdrawConsequence::Frozen;
		}
		success
	}

	/// Sets the free balance of `who`, whose data is `account`, to `amount`, reducing it by at
	/// most what `who` could lose by force (`write_balance`). Returns the dust of a reaped account.
	fn write_balance_of(
		who: &T::AccountId,
		account: &AccountDataOf<T>,
		amount: T::Balance,
	) -> Result<Option<T::Balance>, DispatchError> {
		let max_reduction = Self::reducible_of(who, account, Expendable, Force);
		let (result, maybe_dust) = Self::try_mutate_account(who, false, |account, _| {
			let reduction = account.free.saturating_sub(amount);
			ensure!(reduction <= max_reduction, Error::<T>::InsufficientBalance);
			account.free = amount;
			Ok::<_, DispatchError>(())
		})?;
		let () = result;
		Ok(maybe_dust)
	}

	/// `decrease_balance` of `who`, whose data is `account`. Also returns whether `who` went
	/// below the existential deposit (then it may have been reaped, and its dust handled, which
	/// may change any account).
	fn decrease_balance_of(
		who: &T::AccountId,
		account: &AccountDataOf<T>,
		mut amount: T::Balance,
		precision: Precision,
		preservation: Preservation,
		force: Fortitude,
	) -> Result<(T::Balance, bool), DispatchError> {
		let old_balance = account.free;
		let reducible = Self::reducible_of(who, account, preservation, force);
		match precision {
			Precision::BestEffort => amount = amount.min(reducible),
			Precision::Exact => ensure!(reducible >= amount, TokenError::FundsUnavailable),
		}
		let new_balance = old_balance.checked_sub(&amount).ok_or(TokenError::FundsUnavailable)?;
		let maybe_dust = Self::write_balance_of(who, account, new_balance)?;
		if let Some(dust) = maybe_dust {
			<Self as fungible::Unbalanced<_>>::handle_dust(fungible::Dust(dust));
		}
		let below_minimum = new_balance < T::ExistentialDeposit::get();
		Ok((old_balance.saturating_sub(new_balance), maybe_dust.is_some() || below_minimum))
	}

	/// `increase_balance` of `who`, whose data is `account`.
	fn increase_balance_of(
		who: &T::AccountId,
		account: &AccountDataOf<T>,
		amount: T::Balance,
		precision: Precision,
	) -> Result<T::Balance, DispatchError> {
		let old_balance = account.free;
		let reserved = account.reserved;
		let new_balance = if let Precision::BestEffort = precision {
			let max_balance = T::Balance::max_value().saturating_sub(reserved);
			old_balance.saturating_add(amount).min(max_balance)
		} else {
			old_balance.checked_add(&amount).ok_or(ArithmeticError::Overflow)?
		};
		new_balance.checked_add(&reserved).ok_or(ArithmeticError::Overflow)?;
		if new_balance < T::ExistentialDeposit::get() {
			// From zero to below the minimum: stays at zero.
			return match precision {
				Precision::BestEffort => Ok(Zero::zero()),
				Precision::Exact => Err(TokenError::BelowMinimum.into()),
			};
		}
		if new_balance == old_balance {
			return Ok(Zero::zero());
		}
		if let Some(dust) = Self::write_balance_of(who, account, new_balance)? {
			<Self as fungible::Unbalanced<_>>::handle_dust(fungible::Dust(dust));
		}
		Ok(new_balance.saturating_sub(old_balance))
	}
}

impl<T: Config> fungible::Unbalanced<T::AccountId> for Pallet<T> {
	fn handle_dust(dust: fungible::Dust<T::AccountId, Self>) {
		T::DustRemoval::on_unbalanced(dust.into_credit());
	}
	fn write_balance(
		who: &T::AccountId,
		amount: Self::Balance,
	) -> Result<Option<Self::Balance>, DispatchError> {
		Self::write_balance_of(who, &Self::account(who), amount)
	}
	fn decrease_balance(
		who: &T::AccountId,
		amount: Self::Balance,
		precision: Precision,
		preservation: Preservation,
		force: Fortitude,
	) -> Result<Self::Balance, DispatchError> {
		let account = Self::account(who);
		Self::decrease_balance_of(who, &account, amount, precision, preservation, force)
			.map(|(decreased, _)| decreased)
	}
	fn increase_balance(
		who: &T::AccountId,
		amount: Self::Balance,
		precision: Precision,
	) -> Result<Self::Balance, DispatchError> {
		Self::increase_balance_of(who, &Self::account(who), amount, precision)
	}
	fn set_total_issuance(amount: Self::Balance) {
		Self::set_issuance(amount);
	}
	fn deactivate(amount: Self::Balance) {
		InactiveIssuance::<T>::mutate(|b| {
			let active = TotalIssuance::<T>::get().saturating_sub(*b);
			*b = b.saturating_add(amount.min(active));
		});
	}
	fn reactivate(amount: Self::Balance) {
		InactiveIssuance::<T>::mutate(|b| b.saturating_reduce(amount));
	}
}

impl<T: Config> fungible::Mutate<T::AccountId> for Pallet<T> {
	/// The trait's default transfer, reading each account once before it is written.
	fn transfer(
		source: &T::AccountId,
		dest: &T::AccountId,
		amount: Self::Balance,
		preservation: Preservation,
	) -> Result<Self::Balance, DispatchError> {
		let from = Self::account(source);
		Self::withdraw_consequence(source, &from, amount)
			.into_result(preservation != Expendable)?;
		if source == dest {
			Self::deposit_consequence(&from, amount, Provenance::Extant).into_result()?;
			return Ok(amount);
		}
		let to = Self::account(dest);
		Self::deposit_consequence(&to, amount, Provenance::Extant).into_result()?;
		let (_, reaped) = Self::decrease_balance_of(
			source,
			&from,
			amount,
			Precision::BestEffort,
			preservation,
			Polite,
		)?;
		// Reaping the source may change other accounts (its dust goes wherever `DustRemoval`
		// sends it, maybe to `dest`): read `dest` again then.
		let to = if reaped { Self::account(dest) } else { to };
		// Cannot fail after `deposit_consequence`; best effort, as the default.
		let _ = Self::increase_balance_of(dest, &to, amount, Precision::BestEffort);
		<Self as fungible::Mutate<_>>::done_transfer(source, dest, amount);
		Ok(amount)
	}
	fn done_mint_into(who: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Minted { who: who.clone(), amount });
	}
	fn done_burn_from(who: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Burned { who: who.clone(), amount });
	}
	fn done_shelve(who: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Suspended { who: who.clone(), amount });
	}
	fn done_restore(who: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Restored { who: who.clone(), amount });
	}
	fn done_transfer(source: &T::AccountId, dest: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Transfer {
			from: source.clone(),
			to: dest.clone(),
			amount,
		});
	}
}

impl<T: Config> fungible::Balanced<T::AccountId> for Pallet<T> {
	type OnDropCredit = fungible::DecreaseIssuance<T::AccountId, Self>;
	type OnDropDebt = fungible::IncreaseIssuance<T::AccountId, Self>;

	fn done_deposit(who: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Deposit { who: who.clone(), amount });
	}
	fn done_withdraw(who: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Withdraw { who: who.clone(), amount });
	}
	fn done_issue(amount: Self::Balance) {
		if !amount.is_zero() {
			Self::deposit_event(Event::<T>::Issued { amount });
		}
	}
	fn done_rescind(amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Rescinded { amount });
	}
}

impl<T: Config> fungible::InspectHold<T::AccountId> for Pallet<T> {
	type Reason = T::RuntimeHoldReason;

	fn total_balance_on_hold(who: &T::AccountId) -> T::Balance {
		Self::account(who).reserved
	}
	fn reducible_total_balance_on_hold(who: &T::AccountId, force: Fortitude) -> Self::Balance {
		let a = Self::account(who);
		let unavailable =
			if force == Force { Zero::zero() } else { a.frozen.saturating_sub(a.free) };
		a.reserved.saturating_sub(unavailable)
	}
	fn balance_on_hold(reason: &Self::Reason, who: &T::AccountId) -> T::Balance {
		Holds::<T>::get(who).iter().find(|x| &x.id == reason).map_or_else(Zero::zero, |x| x.amount)
	}
	fn hold_available(reason: &Self::Reason, who: &T::AccountId) -> bool {
		if frame_system::Pallet::<T>::providers(who) == 0 {
			return false;
		}
		let holds = Holds::<T>::get(who);
		!holds.is_full() || holds.iter().any(|x| &x.id == reason)
	}
}

impl<T: Config> fungible::UnbalancedHold<T::AccountId> for Pallet<T> {
	fn set_balance_on_hold(
		reason: &Self::Reason,
		who: &T::AccountId,
		amount: Self::Balance,
	) -> DispatchResult {
		let mut new_account = Self::account(who);
		let mut holds = Holds::<T>::get(who);
		let mut increase = true;
		let mut delta = amount;

		if let Some(item) = holds.iter_mut().find(|x| &x.id == reason) {
			delta = item.amount.max(amount).saturating_sub(item.amount.min(amount));
			increase = amount > item.amount;
			item.amount = amount;
			holds.retain(|x| !x.amount.is_zero());
		} else if !amount.is_zero() {
			holds
				.try_push(IdAmount { id: *reason, amount })
				.map_err(|_| Error::<T>::TooManyHolds)?;
		}

		new_account.reserved = if increase {
			new_account.reserved.checked_add(&delta).ok_or(ArithmeticError::Overflow)?
		} else {
			new_account.reserved.checked_sub(&delta).ok_or(ArithmeticError::Underflow)?
		};

		let ((), maybe_dust) = Self::try_mutate_account(who, false, |a, _| {
			*a = new_account;
			Ok::<_, DispatchError>(())
		})?;

		if holds.is_empty() {
			Holds::<T>::remove(who);
		} else {
			Holds::<T>::insert(who, holds);
		}
		if let Some(dust) = maybe_dust {
			<Self as fungible::Unbalanced<_>>::handle_raw_dust(dust);
		}
		Ok(())
	}
}

impl<T: Config> fungible::MutateHold<T::AccountId> for Pallet<T> {
	fn done_hold(reason: &Self::Reason, who: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Held { reason: *reason, who: who.clone(), amount });
	}
	fn done_release(reason: &Self::Reason, who: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::Released { reason: *reason, who: who.clone(), amount });
	}
	fn done_burn_held(reason: &Self::Reason, who: &T::AccountId, amount: Self::Balance) {
		Self::deposit_event(Event::<T>::BurnedHeld { reason: *reason, who: who.clone(), amount });
	}
	fn done_transfer_on_hold(
		reason: &Self::Reason,
		source: &T::AccountId,
		dest: &T::AccountId,
		amount: Self::Balance,
	) {
		Self::deposit_event(Event::<T>::TransferOnHold {
			reason: *reason,
			source: source.clone(),
			dest: dest.clone(),
			amount,
		});
	}
	fn done_transfer_and_hold(
		reason: &Self::Reason,
		source: &T::AccountId,
		dest: &T::AccountId,
		transferred: Self::Balance,
	) {
		Self::deposit_event(Event::<T>::TransferAndHold {
			reason: *reason,
			source: source.clone(),
			dest: dest.clone(),
			transferred,
		});
	}
}

impl<T: Config> fungible::BalancedHold<T::AccountId> for Pallet<T> {}

impl<T: Config> fungible::hold::DoneSlash<T::RuntimeHoldReason, T::AccountId, T::Balance>
	for Pallet<T>
{
	fn done_slash(reason: &T::RuntimeHoldReason, who: &T::AccountId, amount: T::Balance) {
		let _ = reason;
		Self::deposit_event(Event::<T>::Slashed { who: who.clone(), amount });
	}
}

impl<T: Config> fungible::InspectFreeze<T::AccountId> for Pallet<T> {
	type Id = T::RuntimeFreezeReason;

	fn balance_frozen(id: &Self::Id, who: &T::AccountId) -> Self::Balance {
		Freezes::<T>::get(who).iter().find(|l| &l.id == id).map_or_else(Zero::zero, |l| l.amount)
	}
	fn can_freeze(id: &Self::Id, who: &T::AccountId) -> bool {
		let freezes = Freezes::<T>::get(who);
		!freezes.is_full() || freezes.iter().any(|x| &x.id == id)
	}
}

impl<T: Config> fungible::MutateFreeze<T::AccountId> for Pallet<T> {
	fn set_freeze(id: &Self::Id, who: &T::AccountId, amount: Self::Balance) -> DispatchResult {
		if amount.is_zero() {
			return Self::thaw(id, who);
		}
		let mut freezes = Freezes::<T>::get(who);
		if let Some(i) = freezes.iter_mut().find(|x| &x.id == id) {
			i.amount = amount;
		} else {
			freezes
				.try_push(IdAmount { id: *id, amount })
				.map_err(|_| Error::<T>::TooManyFreezes)?;
		}
		Self::update_freezes(who, freezes.as_bounded_slice())
	}
	fn extend_freeze(id: &Self::Id, who: &T::AccountId, amount: Self::Balance) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let mut freezes = Freezes::<T>::get(who);
		if let Some(i) = freezes.iter_mut().find(|x| &x.id == id) {
			i.amount = i.amount.max(amount);
		} else {
			freezes
				.try_push(IdAmount { id: *id, amount })
				.map_err(|_| Error::<T>::TooManyFreezes)?;
		}
		Self::update_freezes(who, freezes.as_bounded_slice())
	}
	fn thaw(id: &Self::Id, who: &T::AccountId) -> DispatchResult {
		let mut freezes = Freezes::<T>::get(who);
		freezes.retain(|l| &l.id != id);
		Self::update_freezes(who, freezes.as_bounded_slice())
	}
}
