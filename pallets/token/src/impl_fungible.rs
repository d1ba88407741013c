//! The `fungible` traits of pallet-token. The rules (reducible balance, deposit and withdrawal
//! consequences, holds, freezes, dust) are those of pallet-balances, so that the two behave
//! identically; on top, every balance change goes through [`Pallet::try_mutate_account`], which
//! records voting power at snapshots, and freezes count the delegated amount.

use super::*;
use frame_support::traits::tokens::{
	DepositConsequence, Fortitude,
	Fortitude::{Force, Polite},
	Preservation::{self, Expendable, Preserve, Protect},
	Provenance::{self, Minted},
	WithdrawConsequence,
};

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
		let a = Self::account(who);
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
	fn can_deposit(
		who: &T::AccountId,
		amount: Self::Balance,
		provenance: Provenance,
	) -> DepositConsequence {
		if amount.is_zero() {
			return DepositConsequence::Success;
		}
		if provenance == Minted && TotalIssuance::<T>::get().checked_add(&amount).is_none() {
			return DepositConsequence::Overflow;
		}
		let account = Self::account(who);
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
	fn can_withdraw(
		who: &T::AccountId,
		amount: Self::Balance,
	) -> WithdrawConsequence<Self::Balance> {
		if amount.is_zero() {
			return WithdrawConsequence::Success;
		}
		if TotalIssuance::<T>::get().checked_sub(&amount).is_none() {
			return WithdrawConsequence::Underflow;
		}
		let account = Self::account(who);
		let new_free = match account.free.checked_sub(&amount) {
			Some(x) => x,
			None => return WithdrawConsequence::BalanceLow,
		};
		let liquid = Self::reducible_balance(who, Expendable, Polite);
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
}

impl<T: Config> fungible::Unbalanced<T::AccountId> for Pallet<T> {
	fn handle_dust(dust: fungible::Dust<T::AccountId, Self>) {
		T::DustRemoval::on_unbalanced(dust.into_credit());
	}
	fn write_balance(
		who: &T::AccountId,
		amount: Self::Balance,
	) -> Result<Option<Self::Balance>, DispatchError> {
		let max_reduction =
			<Self as fungible::Inspect<_>>::reducible_balance(who, Expendable, Force);
		let (result, maybe_dust) = Self::try_mutate_account(who, false, |account, _| {
			let reduction = account.free.saturating_sub(amount);
			ensure!(reduction <= max_reduction, Error::<T>::InsufficientBalance);
			account.free = amount;
			Ok::<_, DispatchError>(())
		})?;
		let () = result;
		Ok(maybe_dust)
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
